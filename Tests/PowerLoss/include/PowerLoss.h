#ifndef FENHONG_POWER_LOSS_H
#define FENHONG_POWER_LOSS_H

/// A SQLite VFS for tests that simulates losing power: it wraps the default VFS, remembers each
/// file's content as of its last successful sync, and after a chosen number of syncs "cuts the
/// power" — every later write, sync, truncate or delete fails and reaches no disk. Restoring then
/// leaves each file as the disk would hold it after the cut: its synced content plus, chosen at
/// random, some of the whole writes made since (the order a disk may have taken them in).

/// Registers the VFS as SQLite's default, once. Returns a SQLite result code.
int powerloss_install(void);

/// Starts tracking the files opened from now on whose path starts with `prefix` (other files,
/// other tests', pass through untouched); the power is cut at their `syncs`-th sync from now
/// (that sync fails). `keepPercent` of the writes made since each file's last sync survive the
/// cut, chosen by `seed`.
void powerloss_arm(const char *prefix, int syncs, unsigned int seed, int keepPercent);

/// The syncs counted since the last arm.
int powerloss_syncs(void);

/// Whether the power was cut.
int powerloss_was_cut(void);

/// Writes each tracked file as the disk would hold it after the cut (every file must be closed
/// first), then stops tracking. Returns 0, or -1 when a file could not be written.
int powerloss_restore(void);

#endif
