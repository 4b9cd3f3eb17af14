CREATE TABLE `rig_backups` (
	`id` text PRIMARY KEY NOT NULL,
	`rig_id` text NOT NULL,
	`taken_at` integer NOT NULL,
	`reason` text NOT NULL,
	`firmware_version` text,
	`summary` text NOT NULL,
	`document` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rig_backups_rig_idx` ON `rig_backups` (`rig_id`,`taken_at`);
