CREATE TABLE `advice_applied` (
	`id` text PRIMARY KEY NOT NULL,
	`recommendation_id` text NOT NULL,
	`rig_id` text NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`title` text NOT NULL,
	`action` text NOT NULL,
	`job_id` text NOT NULL,
	`applied_at` integer NOT NULL,
	`window_ms` integer NOT NULL,
	`measured_at` integer,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `advice_applied_at_idx` ON `advice_applied` (`applied_at`);--> statement-breakpoint
CREATE TABLE `advice_dismissals` (
	`id` text PRIMARY KEY NOT NULL,
	`fingerprint` text NOT NULL,
	`dismissed_at` integer NOT NULL
);
