CREATE TABLE `rigs` (
	`id` text PRIMARY KEY NOT NULL,
	`serial` text,
	`mac` text,
	`name` text NOT NULL,
	`labels` text DEFAULT '[]' NOT NULL,
	`ip` text NOT NULL,
	`http_port` integer DEFAULT 80 NOT NULL,
	`rpc_port` integer,
	`model` text,
	`firmware` text,
	`firmware_version` text,
	`hostname` text,
	`added_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rigs_serial_unique` ON `rigs` (`serial`) WHERE "rigs"."serial" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `rigs_mac_unique` ON `rigs` (`mac`) WHERE "rigs"."mac" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `rigs_ip_idx` ON `rigs` (`ip`);