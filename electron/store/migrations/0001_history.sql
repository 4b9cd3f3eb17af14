CREATE TABLE `chain_samples` (
	`minute` integer NOT NULL,
	`rig` integer NOT NULL,
	`second` integer NOT NULL,
	`chain` integer NOT NULL,
	`state` integer NOT NULL,
	`hashrate_mhs` integer,
	`chip_temp_dc` integer,
	`board_temp_dc` integer,
	`frequency_dmhz` integer,
	`voltage_mv` integer,
	`chips_red` integer,
	`chips_orange` integer,
	PRIMARY KEY(`minute`, `rig`, `second`, `chain`)
);
--> statement-breakpoint
CREATE TABLE `commands` (
	`id` text PRIMARY KEY NOT NULL,
	`rig_id` text NOT NULL,
	`action` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`requested_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`outcome` text,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `commands_rig_requested_idx` ON `commands` (`rig_id`,`requested_at`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY NOT NULL,
	`rig_id` text,
	`at_ms` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`liveness` text
);
--> statement-breakpoint
CREATE INDEX `events_rig_at_idx` ON `events` (`rig_id`,`at_ms`);--> statement-breakpoint
CREATE INDEX `events_at_idx` ON `events` (`at_ms`);--> statement-breakpoint
CREATE TABLE `fleet_samples_1h` (
	`hour` integer PRIMARY KEY NOT NULL,
	`n` integer NOT NULL,
	`hashrate_mhs_avg` integer,
	`hashrate_mhs_min` integer,
	`hashrate_mhs_max` integer,
	`power_w_avg` integer,
	`power_w_min` integer,
	`power_w_max` integer,
	`efficiency_e4_avg` integer,
	`efficiency_e4_min` integer,
	`efficiency_e4_max` integer,
	`chip_temp_dc_avg` integer,
	`chip_temp_dc_min` integer,
	`chip_temp_dc_max` integer,
	`board_temp_dc_avg` integer,
	`board_temp_dc_min` integer,
	`board_temp_dc_max` integer,
	`fan_rpm_avg` integer,
	`fan_rpm_min` integer,
	`fan_rpm_max` integer,
	`pool_hashrate_mhs_avg` integer,
	`pool_hashrate_mhs_min` integer,
	`pool_hashrate_mhs_max` integer
);
--> statement-breakpoint
CREATE TABLE `fleet_samples_5m` (
	`bucket` integer PRIMARY KEY NOT NULL,
	`n` integer NOT NULL,
	`hashrate_mhs_avg` integer,
	`hashrate_mhs_min` integer,
	`hashrate_mhs_max` integer,
	`power_w_avg` integer,
	`power_w_min` integer,
	`power_w_max` integer,
	`efficiency_e4_avg` integer,
	`efficiency_e4_min` integer,
	`efficiency_e4_max` integer,
	`chip_temp_dc_avg` integer,
	`chip_temp_dc_min` integer,
	`chip_temp_dc_max` integer,
	`board_temp_dc_avg` integer,
	`board_temp_dc_min` integer,
	`board_temp_dc_max` integer,
	`fan_rpm_avg` integer,
	`fan_rpm_min` integer,
	`fan_rpm_max` integer,
	`pool_hashrate_mhs_avg` integer,
	`pool_hashrate_mhs_min` integer,
	`pool_hashrate_mhs_max` integer
);
--> statement-breakpoint
CREATE TABLE `pool_balance_samples` (
	`coin` text NOT NULL,
	`at_s` integer NOT NULL,
	`balance` real NOT NULL,
	`unpaid` real,
	`paid_24h` real,
	`total` real,
	`paid` real,
	PRIMARY KEY(`at_s`, `coin`)
);
--> statement-breakpoint
CREATE TABLE `pool_worker_samples` (
	`worker` text NOT NULL,
	`at_s` integer NOT NULL,
	`online` integer NOT NULL,
	`hashrate_hs` real NOT NULL,
	`share_count` real,
	`connections` integer NOT NULL,
	PRIMARY KEY(`at_s`, `worker`)
);
--> statement-breakpoint
CREATE TABLE `recommendations` (
	`id` text PRIMARY KEY NOT NULL,
	`rig_id` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`score` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `recommendations_rig_created_idx` ON `recommendations` (`rig_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `rig_keys` (
	`key` integer PRIMARY KEY NOT NULL,
	`rig_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rig_keys_rig_id_unique` ON `rig_keys` (`rig_id`);--> statement-breakpoint
CREATE TABLE `rig_samples` (
	`minute` integer NOT NULL,
	`rig` integer NOT NULL,
	`second` integer NOT NULL,
	`hashrate_mhs` integer,
	`power_w` integer,
	`efficiency_e4` integer,
	`chip_temp_dc` integer,
	`board_temp_dc` integer,
	`fan_rpm` integer,
	`pool_hashrate_mhs` integer,
	`miner_state` integer NOT NULL,
	PRIMARY KEY(`minute`, `rig`, `second`)
);
--> statement-breakpoint
CREATE TABLE `rig_samples_1h` (
	`hour` integer NOT NULL,
	`rig` integer NOT NULL,
	`n` integer NOT NULL,
	`hashrate_mhs_avg` integer,
	`hashrate_mhs_min` integer,
	`hashrate_mhs_max` integer,
	`power_w_avg` integer,
	`power_w_min` integer,
	`power_w_max` integer,
	`efficiency_e4_avg` integer,
	`efficiency_e4_min` integer,
	`efficiency_e4_max` integer,
	`chip_temp_dc_avg` integer,
	`chip_temp_dc_min` integer,
	`chip_temp_dc_max` integer,
	`board_temp_dc_avg` integer,
	`board_temp_dc_min` integer,
	`board_temp_dc_max` integer,
	`fan_rpm_avg` integer,
	`fan_rpm_min` integer,
	`fan_rpm_max` integer,
	`pool_hashrate_mhs_avg` integer,
	`pool_hashrate_mhs_min` integer,
	`pool_hashrate_mhs_max` integer,
	PRIMARY KEY(`hour`, `rig`)
);
--> statement-breakpoint
CREATE TABLE `rig_samples_5m` (
	`bucket` integer NOT NULL,
	`rig` integer NOT NULL,
	`n` integer NOT NULL,
	`hashrate_mhs_avg` integer,
	`hashrate_mhs_min` integer,
	`hashrate_mhs_max` integer,
	`power_w_avg` integer,
	`power_w_min` integer,
	`power_w_max` integer,
	`efficiency_e4_avg` integer,
	`efficiency_e4_min` integer,
	`efficiency_e4_max` integer,
	`chip_temp_dc_avg` integer,
	`chip_temp_dc_min` integer,
	`chip_temp_dc_max` integer,
	`board_temp_dc_avg` integer,
	`board_temp_dc_min` integer,
	`board_temp_dc_max` integer,
	`fan_rpm_avg` integer,
	`fan_rpm_min` integer,
	`fan_rpm_max` integer,
	`pool_hashrate_mhs_avg` integer,
	`pool_hashrate_mhs_min` integer,
	`pool_hashrate_mhs_max` integer,
	PRIMARY KEY(`bucket`, `rig`)
);
--> statement-breakpoint
CREATE TABLE `rollup_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`buckets_done_to` integer,
	`hours_done_to` integer,
	`dirty_from` integer,
	`dirty_to` integer,
	`raw_pruned_to` integer,
	`buckets_pruned_to` integer,
	`hours_pruned_to` integer
);
