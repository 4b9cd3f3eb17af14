ALTER TABLE `commands` ADD `face` text;--> statement-breakpoint
ALTER TABLE `commands` ADD `batch_id` text;--> statement-breakpoint
ALTER TABLE `commands` ADD `restart_required` integer;--> statement-breakpoint
CREATE INDEX `commands_requested_idx` ON `commands` (`requested_at`);