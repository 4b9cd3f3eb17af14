CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`rig_id` text,
	`rig_name` text,
	`ip` text,
	`code` text NOT NULL,
	`subject` text NOT NULL,
	`severity` text NOT NULL,
	`text` text NOT NULL,
	`since_ms` integer NOT NULL,
	`raised_at_ms` integer NOT NULL,
	`updated_at_ms` integer NOT NULL,
	`cleared_at_ms` integer,
	`state` text NOT NULL,
	`acknowledged_at_ms` integer,
	`snoozed_until_ms` integer,
	`in_maintenance` integer NOT NULL,
	`notified_at_ms` integer
);
--> statement-breakpoint
CREATE INDEX `alerts_state_idx` ON `alerts` (`state`);--> statement-breakpoint
CREATE INDEX `alerts_cleared_idx` ON `alerts` (`cleared_at_ms`);--> statement-breakpoint
CREATE INDEX `alerts_rig_raised_idx` ON `alerts` (`rig_id`,`raised_at_ms`);--> statement-breakpoint
CREATE TABLE `maintenance_windows` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`target` text NOT NULL,
	`from_ms` integer NOT NULL,
	`to_ms` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL
);
