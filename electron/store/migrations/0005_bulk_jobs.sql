CREATE TABLE `job_rigs` (
	`job_id` text NOT NULL,
	`rig_id` text NOT NULL,
	`seq` integer NOT NULL,
	`state` text NOT NULL,
	`message` text,
	`restart_required` integer,
	`started_at` integer,
	`finished_at` integer,
	PRIMARY KEY(`job_id`, `rig_id`),
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`action` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`face` text NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	`concurrency` integer,
	`stagger_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `jobs_created_idx` ON `jobs` (`created_at`);