CREATE TABLE `abacus_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`queued_at` integer NOT NULL,
	`row` text NOT NULL
);
