ALTER TABLE `rigs` ADD `name_auto` integer DEFAULT false NOT NULL;
--> statement-breakpoint
UPDATE `rigs` SET `name` = substr(`name`, 1, 55) || '-' || substr(`id`, 1, 8) WHERE EXISTS (SELECT 1 FROM `rigs` AS `o` WHERE `o`.`name` = `rigs`.`name` COLLATE NOCASE AND (`o`.`added_at` < `rigs`.`added_at` OR (`o`.`added_at` = `rigs`.`added_at` AND `o`.`id` < `rigs`.`id`)));
--> statement-breakpoint
CREATE UNIQUE INDEX `rigs_name_nocase_unique` ON `rigs` (`name` COLLATE NOCASE);
--> statement-breakpoint
CREATE TABLE `map_rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `map_racks` (
	`id` text PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`name` text NOT NULL,
	`rows` integer NOT NULL,
	`slots` integer NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `map_rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `map_racks_room_idx` ON `map_racks` (`room_id`);
--> statement-breakpoint
CREATE TABLE `map_placements` (
	`rig_id` text PRIMARY KEY NOT NULL,
	`rack_id` text NOT NULL,
	`row` integer NOT NULL,
	`slot` integer NOT NULL,
	FOREIGN KEY (`rig_id`) REFERENCES `rigs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rack_id`) REFERENCES `map_racks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `map_placements_slot_unique` ON `map_placements` (`rack_id`,`row`,`slot`);
