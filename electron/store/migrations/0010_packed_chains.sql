-- Custom SQL migration file, put your code below! --
-- A rig sample's chains move into one packed BLOB on the sample's own row (rig_samples.chains), replacing a
-- row per chain in chain_samples: the per-row key and record header cost more than the values. The bytes are
-- exactly what electron/store/chain-codec.ts writes (a varint count, then per chain in ascending chain id one
-- token per field: 0 = NULL, else zigzag(value - the previous chain's value) + 1, LEB128). Every chain row
-- belongs to a sample row at the same rig and second (they are written together), so nothing is dropped.
ALTER TABLE `rig_samples` ADD `chains` blob;
--> statement-breakpoint
UPDATE `rig_samples` SET `chains` = packed.blob FROM (
  SELECT `minute`, `rig`, `second`,
    unhex(CASE WHEN count(*) < 128 THEN printf('%02X', count(*))
      WHEN count(*) < 16384 THEN printf('%02X%02X', ((count(*) & 127) | 128), (count(*) >> 7))
      WHEN count(*) < 2097152 THEN printf('%02X%02X%02X', ((count(*) & 127) | 128), (((count(*) >> 7) & 127) | 128), (count(*) >> 14))
      WHEN count(*) < 268435456 THEN printf('%02X%02X%02X%02X', ((count(*) & 127) | 128), (((count(*) >> 7) & 127) | 128), (((count(*) >> 14) & 127) | 128), (count(*) >> 21))
      WHEN count(*) < 34359738368 THEN printf('%02X%02X%02X%02X%02X', ((count(*) & 127) | 128), (((count(*) >> 7) & 127) | 128), (((count(*) >> 14) & 127) | 128), (((count(*) >> 21) & 127) | 128), (count(*) >> 28))
      WHEN count(*) < 4398046511104 THEN printf('%02X%02X%02X%02X%02X%02X', ((count(*) & 127) | 128), (((count(*) >> 7) & 127) | 128), (((count(*) >> 14) & 127) | 128), (((count(*) >> 21) & 127) | 128), (((count(*) >> 28) & 127) | 128), (count(*) >> 35))
      WHEN count(*) < 562949953421312 THEN printf('%02X%02X%02X%02X%02X%02X%02X', ((count(*) & 127) | 128), (((count(*) >> 7) & 127) | 128), (((count(*) >> 14) & 127) | 128), (((count(*) >> 21) & 127) | 128), (((count(*) >> 28) & 127) | 128), (((count(*) >> 35) & 127) | 128), (count(*) >> 42))
      ELSE printf('%02X%02X%02X%02X%02X%02X%02X%02X', ((count(*) & 127) | 128), (((count(*) >> 7) & 127) | 128), (((count(*) >> 14) & 127) | 128), (((count(*) >> 21) & 127) | 128), (((count(*) >> 28) & 127) | 128), (((count(*) >> 35) & 127) | 128), (((count(*) >> 42) & 127) | 128), (count(*) >> 49)) END || group_concat(hex, '' ORDER BY `chain`)) AS blob
  FROM (
    SELECT `minute`, `rig`, `second`, `chain`,
    CASE WHEN t0 < 128 THEN printf('%02X', t0)
      WHEN t0 < 16384 THEN printf('%02X%02X', ((t0 & 127) | 128), (t0 >> 7))
      WHEN t0 < 2097152 THEN printf('%02X%02X%02X', ((t0 & 127) | 128), (((t0 >> 7) & 127) | 128), (t0 >> 14))
      WHEN t0 < 268435456 THEN printf('%02X%02X%02X%02X', ((t0 & 127) | 128), (((t0 >> 7) & 127) | 128), (((t0 >> 14) & 127) | 128), (t0 >> 21))
      WHEN t0 < 34359738368 THEN printf('%02X%02X%02X%02X%02X', ((t0 & 127) | 128), (((t0 >> 7) & 127) | 128), (((t0 >> 14) & 127) | 128), (((t0 >> 21) & 127) | 128), (t0 >> 28))
      WHEN t0 < 4398046511104 THEN printf('%02X%02X%02X%02X%02X%02X', ((t0 & 127) | 128), (((t0 >> 7) & 127) | 128), (((t0 >> 14) & 127) | 128), (((t0 >> 21) & 127) | 128), (((t0 >> 28) & 127) | 128), (t0 >> 35))
      WHEN t0 < 562949953421312 THEN printf('%02X%02X%02X%02X%02X%02X%02X', ((t0 & 127) | 128), (((t0 >> 7) & 127) | 128), (((t0 >> 14) & 127) | 128), (((t0 >> 21) & 127) | 128), (((t0 >> 28) & 127) | 128), (((t0 >> 35) & 127) | 128), (t0 >> 42))
      ELSE printf('%02X%02X%02X%02X%02X%02X%02X%02X', ((t0 & 127) | 128), (((t0 >> 7) & 127) | 128), (((t0 >> 14) & 127) | 128), (((t0 >> 21) & 127) | 128), (((t0 >> 28) & 127) | 128), (((t0 >> 35) & 127) | 128), (((t0 >> 42) & 127) | 128), (t0 >> 49)) END ||
    CASE WHEN t1 < 128 THEN printf('%02X', t1)
      WHEN t1 < 16384 THEN printf('%02X%02X', ((t1 & 127) | 128), (t1 >> 7))
      WHEN t1 < 2097152 THEN printf('%02X%02X%02X', ((t1 & 127) | 128), (((t1 >> 7) & 127) | 128), (t1 >> 14))
      WHEN t1 < 268435456 THEN printf('%02X%02X%02X%02X', ((t1 & 127) | 128), (((t1 >> 7) & 127) | 128), (((t1 >> 14) & 127) | 128), (t1 >> 21))
      WHEN t1 < 34359738368 THEN printf('%02X%02X%02X%02X%02X', ((t1 & 127) | 128), (((t1 >> 7) & 127) | 128), (((t1 >> 14) & 127) | 128), (((t1 >> 21) & 127) | 128), (t1 >> 28))
      WHEN t1 < 4398046511104 THEN printf('%02X%02X%02X%02X%02X%02X', ((t1 & 127) | 128), (((t1 >> 7) & 127) | 128), (((t1 >> 14) & 127) | 128), (((t1 >> 21) & 127) | 128), (((t1 >> 28) & 127) | 128), (t1 >> 35))
      WHEN t1 < 562949953421312 THEN printf('%02X%02X%02X%02X%02X%02X%02X', ((t1 & 127) | 128), (((t1 >> 7) & 127) | 128), (((t1 >> 14) & 127) | 128), (((t1 >> 21) & 127) | 128), (((t1 >> 28) & 127) | 128), (((t1 >> 35) & 127) | 128), (t1 >> 42))
      ELSE printf('%02X%02X%02X%02X%02X%02X%02X%02X', ((t1 & 127) | 128), (((t1 >> 7) & 127) | 128), (((t1 >> 14) & 127) | 128), (((t1 >> 21) & 127) | 128), (((t1 >> 28) & 127) | 128), (((t1 >> 35) & 127) | 128), (((t1 >> 42) & 127) | 128), (t1 >> 49)) END ||
    CASE WHEN t2 < 128 THEN printf('%02X', t2)
      WHEN t2 < 16384 THEN printf('%02X%02X', ((t2 & 127) | 128), (t2 >> 7))
      WHEN t2 < 2097152 THEN printf('%02X%02X%02X', ((t2 & 127) | 128), (((t2 >> 7) & 127) | 128), (t2 >> 14))
      WHEN t2 < 268435456 THEN printf('%02X%02X%02X%02X', ((t2 & 127) | 128), (((t2 >> 7) & 127) | 128), (((t2 >> 14) & 127) | 128), (t2 >> 21))
      WHEN t2 < 34359738368 THEN printf('%02X%02X%02X%02X%02X', ((t2 & 127) | 128), (((t2 >> 7) & 127) | 128), (((t2 >> 14) & 127) | 128), (((t2 >> 21) & 127) | 128), (t2 >> 28))
      WHEN t2 < 4398046511104 THEN printf('%02X%02X%02X%02X%02X%02X', ((t2 & 127) | 128), (((t2 >> 7) & 127) | 128), (((t2 >> 14) & 127) | 128), (((t2 >> 21) & 127) | 128), (((t2 >> 28) & 127) | 128), (t2 >> 35))
      WHEN t2 < 562949953421312 THEN printf('%02X%02X%02X%02X%02X%02X%02X', ((t2 & 127) | 128), (((t2 >> 7) & 127) | 128), (((t2 >> 14) & 127) | 128), (((t2 >> 21) & 127) | 128), (((t2 >> 28) & 127) | 128), (((t2 >> 35) & 127) | 128), (t2 >> 42))
      ELSE printf('%02X%02X%02X%02X%02X%02X%02X%02X', ((t2 & 127) | 128), (((t2 >> 7) & 127) | 128), (((t2 >> 14) & 127) | 128), (((t2 >> 21) & 127) | 128), (((t2 >> 28) & 127) | 128), (((t2 >> 35) & 127) | 128), (((t2 >> 42) & 127) | 128), (t2 >> 49)) END ||
    CASE WHEN t3 < 128 THEN printf('%02X', t3)
      WHEN t3 < 16384 THEN printf('%02X%02X', ((t3 & 127) | 128), (t3 >> 7))
      WHEN t3 < 2097152 THEN printf('%02X%02X%02X', ((t3 & 127) | 128), (((t3 >> 7) & 127) | 128), (t3 >> 14))
      WHEN t3 < 268435456 THEN printf('%02X%02X%02X%02X', ((t3 & 127) | 128), (((t3 >> 7) & 127) | 128), (((t3 >> 14) & 127) | 128), (t3 >> 21))
      WHEN t3 < 34359738368 THEN printf('%02X%02X%02X%02X%02X', ((t3 & 127) | 128), (((t3 >> 7) & 127) | 128), (((t3 >> 14) & 127) | 128), (((t3 >> 21) & 127) | 128), (t3 >> 28))
      WHEN t3 < 4398046511104 THEN printf('%02X%02X%02X%02X%02X%02X', ((t3 & 127) | 128), (((t3 >> 7) & 127) | 128), (((t3 >> 14) & 127) | 128), (((t3 >> 21) & 127) | 128), (((t3 >> 28) & 127) | 128), (t3 >> 35))
      WHEN t3 < 562949953421312 THEN printf('%02X%02X%02X%02X%02X%02X%02X', ((t3 & 127) | 128), (((t3 >> 7) & 127) | 128), (((t3 >> 14) & 127) | 128), (((t3 >> 21) & 127) | 128), (((t3 >> 28) & 127) | 128), (((t3 >> 35) & 127) | 128), (t3 >> 42))
      ELSE printf('%02X%02X%02X%02X%02X%02X%02X%02X', ((t3 & 127) | 128), (((t3 >> 7) & 127) | 128), (((t3 >> 14) & 127) | 128), (((t3 >> 21) & 127) | 128), (((t3 >> 28) & 127) | 128), (((t3 >> 35) & 127) | 128), (((t3 >> 42) & 127) | 128), (t3 >> 49)) END ||
    CASE WHEN t4 < 128 THEN printf('%02X', t4)
      WHEN t4 < 16384 THEN printf('%02X%02X', ((t4 & 127) | 128), (t4 >> 7))
      WHEN t4 < 2097152 THEN printf('%02X%02X%02X', ((t4 & 127) | 128), (((t4 >> 7) & 127) | 128), (t4 >> 14))
      WHEN t4 < 268435456 THEN printf('%02X%02X%02X%02X', ((t4 & 127) | 128), (((t4 >> 7) & 127) | 128), (((t4 >> 14) & 127) | 128), (t4 >> 21))
      WHEN t4 < 34359738368 THEN printf('%02X%02X%02X%02X%02X', ((t4 & 127) | 128), (((t4 >> 7) & 127) | 128), (((t4 >> 14) & 127) | 128), (((t4 >> 21) & 127) | 128), (t4 >> 28))
      WHEN t4 < 4398046511104 THEN printf('%02X%02X%02X%02X%02X%02X', ((t4 & 127) | 128), (((t4 >> 7) & 127) | 128), (((t4 >> 14) & 127) | 128), (((t4 >> 21) & 127) | 128), (((t4 >> 28) & 127) | 128), (t4 >> 35))
      WHEN t4 < 562949953421312 THEN printf('%02X%02X%02X%02X%02X%02X%02X', ((t4 & 127) | 128), (((t4 >> 7) & 127) | 128), (((t4 >> 14) & 127) | 128), (((t4 >> 21) & 127) | 128), (((t4 >> 28) & 127) | 128), (((t4 >> 35) & 127) | 128), (t4 >> 42))
      ELSE printf('%02X%02X%02X%02X%02X%02X%02X%02X', ((t4 & 127) | 128), (((t4 >> 7) & 127) | 128), (((t4 >> 14) & 127) | 128), (((t4 >> 21) & 127) | 128), (((t4 >> 28) & 127) | 128), (((t4 >> 35) & 127) | 128), (((t4 >> 42) & 127) | 128), (t4 >> 49)) END ||
    CASE WHEN t5 < 128 THEN printf('%02X', t5)
      WHEN t5 < 16384 THEN printf('%02X%02X', ((t5 & 127) | 128), (t5 >> 7))
      WHEN t5 < 2097152 THEN printf('%02X%02X%02X', ((t5 & 127) | 128), (((t5 >> 7) & 127) | 128), (t5 >> 14))
      WHEN t5 < 268435456 THEN printf('%02X%02X%02X%02X', ((t5 & 127) | 128), (((t5 >> 7) & 127) | 128), (((t5 >> 14) & 127) | 128), (t5 >> 21))
      WHEN t5 < 34359738368 THEN printf('%02X%02X%02X%02X%02X', ((t5 & 127) | 128), (((t5 >> 7) & 127) | 128), (((t5 >> 14) & 127) | 128), (((t5 >> 21) & 127) | 128), (t5 >> 28))
      WHEN t5 < 4398046511104 THEN printf('%02X%02X%02X%02X%02X%02X', ((t5 & 127) | 128), (((t5 >> 7) & 127) | 128), (((t5 >> 14) & 127) | 128), (((t5 >> 21) & 127) | 128), (((t5 >> 28) & 127) | 128), (t5 >> 35))
      WHEN t5 < 562949953421312 THEN printf('%02X%02X%02X%02X%02X%02X%02X', ((t5 & 127) | 128), (((t5 >> 7) & 127) | 128), (((t5 >> 14) & 127) | 128), (((t5 >> 21) & 127) | 128), (((t5 >> 28) & 127) | 128), (((t5 >> 35) & 127) | 128), (t5 >> 42))
      ELSE printf('%02X%02X%02X%02X%02X%02X%02X%02X', ((t5 & 127) | 128), (((t5 >> 7) & 127) | 128), (((t5 >> 14) & 127) | 128), (((t5 >> 21) & 127) | 128), (((t5 >> 28) & 127) | 128), (((t5 >> 35) & 127) | 128), (((t5 >> 42) & 127) | 128), (t5 >> 49)) END ||
    CASE WHEN t6 < 128 THEN printf('%02X', t6)
      WHEN t6 < 16384 THEN printf('%02X%02X', ((t6 & 127) | 128), (t6 >> 7))
      WHEN t6 < 2097152 THEN printf('%02X%02X%02X', ((t6 & 127) | 128), (((t6 >> 7) & 127) | 128), (t6 >> 14))
      WHEN t6 < 268435456 THEN printf('%02X%02X%02X%02X', ((t6 & 127) | 128), (((t6 >> 7) & 127) | 128), (((t6 >> 14) & 127) | 128), (t6 >> 21))
      WHEN t6 < 34359738368 THEN printf('%02X%02X%02X%02X%02X', ((t6 & 127) | 128), (((t6 >> 7) & 127) | 128), (((t6 >> 14) & 127) | 128), (((t6 >> 21) & 127) | 128), (t6 >> 28))
      WHEN t6 < 4398046511104 THEN printf('%02X%02X%02X%02X%02X%02X', ((t6 & 127) | 128), (((t6 >> 7) & 127) | 128), (((t6 >> 14) & 127) | 128), (((t6 >> 21) & 127) | 128), (((t6 >> 28) & 127) | 128), (t6 >> 35))
      WHEN t6 < 562949953421312 THEN printf('%02X%02X%02X%02X%02X%02X%02X', ((t6 & 127) | 128), (((t6 >> 7) & 127) | 128), (((t6 >> 14) & 127) | 128), (((t6 >> 21) & 127) | 128), (((t6 >> 28) & 127) | 128), (((t6 >> 35) & 127) | 128), (t6 >> 42))
      ELSE printf('%02X%02X%02X%02X%02X%02X%02X%02X', ((t6 & 127) | 128), (((t6 >> 7) & 127) | 128), (((t6 >> 14) & 127) | 128), (((t6 >> 21) & 127) | 128), (((t6 >> 28) & 127) | 128), (((t6 >> 35) & 127) | 128), (((t6 >> 42) & 127) | 128), (t6 >> 49)) END ||
    CASE WHEN t7 < 128 THEN printf('%02X', t7)
      WHEN t7 < 16384 THEN printf('%02X%02X', ((t7 & 127) | 128), (t7 >> 7))
      WHEN t7 < 2097152 THEN printf('%02X%02X%02X', ((t7 & 127) | 128), (((t7 >> 7) & 127) | 128), (t7 >> 14))
      WHEN t7 < 268435456 THEN printf('%02X%02X%02X%02X', ((t7 & 127) | 128), (((t7 >> 7) & 127) | 128), (((t7 >> 14) & 127) | 128), (t7 >> 21))
      WHEN t7 < 34359738368 THEN printf('%02X%02X%02X%02X%02X', ((t7 & 127) | 128), (((t7 >> 7) & 127) | 128), (((t7 >> 14) & 127) | 128), (((t7 >> 21) & 127) | 128), (t7 >> 28))
      WHEN t7 < 4398046511104 THEN printf('%02X%02X%02X%02X%02X%02X', ((t7 & 127) | 128), (((t7 >> 7) & 127) | 128), (((t7 >> 14) & 127) | 128), (((t7 >> 21) & 127) | 128), (((t7 >> 28) & 127) | 128), (t7 >> 35))
      WHEN t7 < 562949953421312 THEN printf('%02X%02X%02X%02X%02X%02X%02X', ((t7 & 127) | 128), (((t7 >> 7) & 127) | 128), (((t7 >> 14) & 127) | 128), (((t7 >> 21) & 127) | 128), (((t7 >> 28) & 127) | 128), (((t7 >> 35) & 127) | 128), (t7 >> 42))
      ELSE printf('%02X%02X%02X%02X%02X%02X%02X%02X', ((t7 & 127) | 128), (((t7 >> 7) & 127) | 128), (((t7 >> 14) & 127) | 128), (((t7 >> 21) & 127) | 128), (((t7 >> 28) & 127) | 128), (((t7 >> 35) & 127) | 128), (((t7 >> 42) & 127) | 128), (t7 >> 49)) END ||
    CASE WHEN t8 < 128 THEN printf('%02X', t8)
      WHEN t8 < 16384 THEN printf('%02X%02X', ((t8 & 127) | 128), (t8 >> 7))
      WHEN t8 < 2097152 THEN printf('%02X%02X%02X', ((t8 & 127) | 128), (((t8 >> 7) & 127) | 128), (t8 >> 14))
      WHEN t8 < 268435456 THEN printf('%02X%02X%02X%02X', ((t8 & 127) | 128), (((t8 >> 7) & 127) | 128), (((t8 >> 14) & 127) | 128), (t8 >> 21))
      WHEN t8 < 34359738368 THEN printf('%02X%02X%02X%02X%02X', ((t8 & 127) | 128), (((t8 >> 7) & 127) | 128), (((t8 >> 14) & 127) | 128), (((t8 >> 21) & 127) | 128), (t8 >> 28))
      WHEN t8 < 4398046511104 THEN printf('%02X%02X%02X%02X%02X%02X', ((t8 & 127) | 128), (((t8 >> 7) & 127) | 128), (((t8 >> 14) & 127) | 128), (((t8 >> 21) & 127) | 128), (((t8 >> 28) & 127) | 128), (t8 >> 35))
      WHEN t8 < 562949953421312 THEN printf('%02X%02X%02X%02X%02X%02X%02X', ((t8 & 127) | 128), (((t8 >> 7) & 127) | 128), (((t8 >> 14) & 127) | 128), (((t8 >> 21) & 127) | 128), (((t8 >> 28) & 127) | 128), (((t8 >> 35) & 127) | 128), (t8 >> 42))
      ELSE printf('%02X%02X%02X%02X%02X%02X%02X%02X', ((t8 & 127) | 128), (((t8 >> 7) & 127) | 128), (((t8 >> 14) & 127) | 128), (((t8 >> 21) & 127) | 128), (((t8 >> 28) & 127) | 128), (((t8 >> 35) & 127) | 128), (((t8 >> 42) & 127) | 128), (t8 >> 49)) END AS hex
    FROM (
      SELECT `minute`, `rig`, `second`, `chain`,
    CASE WHEN `chain` IS NULL THEN 0 WHEN (`chain` - coalesce(lag(`chain`) OVER w, 0)) >= 0 THEN 2 * (`chain` - coalesce(lag(`chain`) OVER w, 0)) + 1 ELSE -2 * (`chain` - coalesce(lag(`chain`) OVER w, 0)) END AS t0,
    CASE WHEN `state` IS NULL THEN 0 WHEN (`state` - coalesce(lag(`state`) OVER w, 0)) >= 0 THEN 2 * (`state` - coalesce(lag(`state`) OVER w, 0)) + 1 ELSE -2 * (`state` - coalesce(lag(`state`) OVER w, 0)) END AS t1,
    CASE WHEN `hashrate_mhs` IS NULL THEN 0 WHEN (`hashrate_mhs` - coalesce(lag(`hashrate_mhs`) OVER w, 0)) >= 0 THEN 2 * (`hashrate_mhs` - coalesce(lag(`hashrate_mhs`) OVER w, 0)) + 1 ELSE -2 * (`hashrate_mhs` - coalesce(lag(`hashrate_mhs`) OVER w, 0)) END AS t2,
    CASE WHEN `chip_temp_dc` IS NULL THEN 0 WHEN (`chip_temp_dc` - coalesce(lag(`chip_temp_dc`) OVER w, 0)) >= 0 THEN 2 * (`chip_temp_dc` - coalesce(lag(`chip_temp_dc`) OVER w, 0)) + 1 ELSE -2 * (`chip_temp_dc` - coalesce(lag(`chip_temp_dc`) OVER w, 0)) END AS t3,
    CASE WHEN `board_temp_dc` IS NULL THEN 0 WHEN (`board_temp_dc` - coalesce(lag(`board_temp_dc`) OVER w, 0)) >= 0 THEN 2 * (`board_temp_dc` - coalesce(lag(`board_temp_dc`) OVER w, 0)) + 1 ELSE -2 * (`board_temp_dc` - coalesce(lag(`board_temp_dc`) OVER w, 0)) END AS t4,
    CASE WHEN `frequency_dmhz` IS NULL THEN 0 WHEN (`frequency_dmhz` - coalesce(lag(`frequency_dmhz`) OVER w, 0)) >= 0 THEN 2 * (`frequency_dmhz` - coalesce(lag(`frequency_dmhz`) OVER w, 0)) + 1 ELSE -2 * (`frequency_dmhz` - coalesce(lag(`frequency_dmhz`) OVER w, 0)) END AS t5,
    CASE WHEN `voltage_mv` IS NULL THEN 0 WHEN (`voltage_mv` - coalesce(lag(`voltage_mv`) OVER w, 0)) >= 0 THEN 2 * (`voltage_mv` - coalesce(lag(`voltage_mv`) OVER w, 0)) + 1 ELSE -2 * (`voltage_mv` - coalesce(lag(`voltage_mv`) OVER w, 0)) END AS t6,
    CASE WHEN `chips_red` IS NULL THEN 0 WHEN (`chips_red` - coalesce(lag(`chips_red`) OVER w, 0)) >= 0 THEN 2 * (`chips_red` - coalesce(lag(`chips_red`) OVER w, 0)) + 1 ELSE -2 * (`chips_red` - coalesce(lag(`chips_red`) OVER w, 0)) END AS t7,
    CASE WHEN `chips_orange` IS NULL THEN 0 WHEN (`chips_orange` - coalesce(lag(`chips_orange`) OVER w, 0)) >= 0 THEN 2 * (`chips_orange` - coalesce(lag(`chips_orange`) OVER w, 0)) + 1 ELSE -2 * (`chips_orange` - coalesce(lag(`chips_orange`) OVER w, 0)) END AS t8
      FROM `chain_samples`
      WINDOW w AS (PARTITION BY `minute`, `rig`, `second` ORDER BY `chain`)
    )
  )
  GROUP BY `minute`, `rig`, `second`
) AS packed
WHERE `rig_samples`.`minute` = packed.`minute` AND `rig_samples`.`rig` = packed.`rig`
  AND `rig_samples`.`second` = packed.`second`;
--> statement-breakpoint
DROP TABLE `chain_samples`;
