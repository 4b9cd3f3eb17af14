-- Custom SQL migration file, put your code below! --
-- drizzle-kit cannot declare WITHOUT ROWID. These tables were created empty by 0001 just before; rebuild them
-- keyed by their primary key alone, which saves the hidden rowid and a second b-tree per row (schema.ts).
-- Keep WITHOUT ROWID if a later migration ever recreates one of them.
DROP TABLE `rig_samples`;
--> statement-breakpoint
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
) WITHOUT ROWID;
--> statement-breakpoint
DROP TABLE `chain_samples`;
--> statement-breakpoint
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
) WITHOUT ROWID;
--> statement-breakpoint
DROP TABLE `rig_samples_5m`;
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
) WITHOUT ROWID;
--> statement-breakpoint
DROP TABLE `rig_samples_1h`;
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
) WITHOUT ROWID;
--> statement-breakpoint
DROP TABLE `pool_worker_samples`;
--> statement-breakpoint
CREATE TABLE `pool_worker_samples` (
	`worker` text NOT NULL,
	`at_s` integer NOT NULL,
	`online` integer NOT NULL,
	`hashrate_hs` real NOT NULL,
	`share_count` real,
	`connections` integer NOT NULL,
	PRIMARY KEY(`at_s`, `worker`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP TABLE `pool_balance_samples`;
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
) WITHOUT ROWID;
