#include "PowerLoss.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

// One write made since the file's last sync, or a truncation (length < 0, offset = new size).
typedef struct Pending {
    sqlite3_int64 offset;
    int length;
    unsigned char *data;
    struct Pending *next;
} Pending;

// A file's content as of its last sync, and what was done to it since.
typedef struct Tracked {
    char *path;
    unsigned char *synced;
    sqlite3_int64 syncedSize;
    Pending *pending, *last;
    int deleted;
    struct Tracked *next;
} Tracked;

typedef struct File {
    sqlite3_file base;
    Tracked *tracked;  // NULL for files not tracked (temporary files)
    sqlite3_file *real;
} File;

static sqlite3_vfs *realVFS;
static sqlite3_vfs vfs;
static Tracked *trackedFiles;
static int armed, cut, syncsSeen, syncsUntilCut, keepPercent;
// Only files under this prefix are tracked and lose power: other tests run beside, in this
// process, through this VFS. A fixed buffer, never freed: other threads read it as they open files.
static char trackedPrefix[1024];

static int isTrackedPath(const char *path) {
    return armed && path && trackedPrefix[0] && strncmp(path, trackedPrefix, strlen(trackedPrefix)) == 0;
}
static unsigned int randomState;

static unsigned int nextRandom(void) {
    randomState = randomState * 1103515245u + 12345u;
    return (randomState >> 16) & 0x7fff;
}

static Tracked *track(const char *path, sqlite3_file *real) {
    for (Tracked *t = trackedFiles; t; t = t->next) {
        if (strcmp(t->path, path) == 0) { t->deleted = 0; return t; }
    }
    Tracked *t = calloc(1, sizeof(Tracked));
    t->path = strdup(path);
    // What the disk holds now is taken as synced: the test starts from closed, synced files.
    sqlite3_int64 size = 0;
    if (real->pMethods->xFileSize(real, &size) == SQLITE_OK && size > 0) {
        t->synced = malloc((size_t)size);
        if (real->pMethods->xRead(real, t->synced, (int)size, 0) != SQLITE_OK) size = 0;
    }
    t->syncedSize = size;
    t->next = trackedFiles;
    trackedFiles = t;
    return t;
}

static void apply(unsigned char **image, sqlite3_int64 *size, const Pending *p) {
    if (p->length < 0) {
        if (p->offset < *size) *size = p->offset;
        return;
    }
    sqlite3_int64 end = p->offset + p->length;
    if (end > *size) {
        *image = realloc(*image, (size_t)end);
        memset(*image + *size, 0, (size_t)(end - *size));
        *size = end;
    }
    memcpy(*image + p->offset, p->data, (size_t)p->length);
}

static void clearPending(Tracked *t) {
    for (Pending *p = t->pending; p;) { Pending *n = p->next; free(p->data); free(p); p = n; }
    t->pending = t->last = NULL;
}

static void record(Tracked *t, sqlite3_int64 offset, int length, const void *data) {
    Pending *p = calloc(1, sizeof(Pending));
    p->offset = offset;
    p->length = length;
    if (length > 0) { p->data = malloc((size_t)length); memcpy(p->data, data, (size_t)length); }
    if (t->last) t->last->next = p; else t->pending = p;
    t->last = p;
}

// MARK: the file methods

static int fileClose(sqlite3_file *f) {
    File *file = (File *)f;
    int rc = file->real->pMethods ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
    sqlite3_free(file->real);
    return rc;
}
static int fileRead(sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset) {
    File *file = (File *)f;
    return file->real->pMethods->xRead(file->real, buffer, amount, offset);
}
static int fileWrite(sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset) {
    File *file = (File *)f;
    if (cut && file->tracked) return SQLITE_IOERR_WRITE;
    int rc = file->real->pMethods->xWrite(file->real, buffer, amount, offset);
    if (rc == SQLITE_OK && file->tracked) record(file->tracked, offset, amount, buffer);
    return rc;
}
static int fileTruncate(sqlite3_file *f, sqlite3_int64 size) {
    File *file = (File *)f;
    if (cut && file->tracked) return SQLITE_IOERR_TRUNCATE;
    int rc = file->real->pMethods->xTruncate(file->real, size);
    if (rc == SQLITE_OK && file->tracked) record(file->tracked, size, -1, NULL);
    return rc;
}
static int fileSync(sqlite3_file *f, int flags) {
    File *file = (File *)f;
    if (cut && file->tracked) return SQLITE_IOERR_FSYNC;
    if (file->tracked) {
        syncsSeen++;
        if (syncsSeen == syncsUntilCut) { cut = 1; return SQLITE_IOERR_FSYNC; }
    }
    int rc = file->real->pMethods->xSync(file->real, flags);
    if (rc == SQLITE_OK && file->tracked) {
        Tracked *t = file->tracked;
        for (Pending *p = t->pending; p; p = p->next) apply(&t->synced, &t->syncedSize, p);
        clearPending(t);
    }
    return rc;
}
static int fileSize(sqlite3_file *f, sqlite3_int64 *size) { File *file = (File *)f; return file->real->pMethods->xFileSize(file->real, size); }
static int fileLock(sqlite3_file *f, int lock) { File *file = (File *)f; return file->real->pMethods->xLock(file->real, lock); }
static int fileUnlock(sqlite3_file *f, int lock) { File *file = (File *)f; return file->real->pMethods->xUnlock(file->real, lock); }
static int fileCheckReservedLock(sqlite3_file *f, int *out) { File *file = (File *)f; return file->real->pMethods->xCheckReservedLock(file->real, out); }
static int fileControl(sqlite3_file *f, int op, void *arg) {
    File *file = (File *)f;
    // No memory-mapped reads or writes: every byte goes through xRead and xWrite.
    if (op == SQLITE_FCNTL_MMAP_SIZE) return SQLITE_NOTFOUND;
    return file->real->pMethods->xFileControl(file->real, op, arg);
}
static int fileSectorSize(sqlite3_file *f) { File *file = (File *)f; return file->real->pMethods->xSectorSize(file->real); }
static int fileDeviceCharacteristics(sqlite3_file *f) { File *file = (File *)f; return file->real->pMethods->xDeviceCharacteristics(file->real); }
static int fileShmMap(sqlite3_file *f, int page, int pageSize, int extend, void volatile **out) {
    File *file = (File *)f;
    return file->real->pMethods->xShmMap(file->real, page, pageSize, extend, out);
}
static int fileShmLock(sqlite3_file *f, int offset, int n, int flags) { File *file = (File *)f; return file->real->pMethods->xShmLock(file->real, offset, n, flags); }
static void fileShmBarrier(sqlite3_file *f) { File *file = (File *)f; file->real->pMethods->xShmBarrier(file->real); }
static int fileShmUnmap(sqlite3_file *f, int deleteFlag) { File *file = (File *)f; return file->real->pMethods->xShmUnmap(file->real, deleteFlag); }

static const sqlite3_io_methods methods = {
    2, fileClose, fileRead, fileWrite, fileTruncate, fileSync, fileSize, fileLock, fileUnlock,
    fileCheckReservedLock, fileControl, fileSectorSize, fileDeviceCharacteristics,
    fileShmMap, fileShmLock, fileShmBarrier, fileShmUnmap, NULL, NULL,
};

// MARK: the VFS methods

static int vfsOpen(sqlite3_vfs *unused, sqlite3_filename name, sqlite3_file *f, int flags, int *outFlags) {
    (void)unused;
    File *file = (File *)f;
    memset(file, 0, sizeof(File));
    file->real = sqlite3_malloc(realVFS->szOsFile);
    if (!file->real) return SQLITE_NOMEM;
    memset(file->real, 0, (size_t)realVFS->szOsFile);
    int rc = realVFS->xOpen(realVFS, name, file->real, flags, outFlags);
    if (rc != SQLITE_OK) { sqlite3_free(file->real); file->real = NULL; return rc; }
    if (isTrackedPath(name)) file->tracked = track(name, file->real);
    file->base.pMethods = &methods;
    return SQLITE_OK;
}
static int vfsDelete(sqlite3_vfs *unused, const char *name, int syncDir) {
    (void)unused;
    if (cut && isTrackedPath(name)) return SQLITE_IOERR_DELETE;
    int rc = realVFS->xDelete(realVFS, name, syncDir);
    if (rc == SQLITE_OK) {
        for (Tracked *t = trackedFiles; t; t = t->next) if (strcmp(t->path, name) == 0) { t->deleted = 1; clearPending(t); }
    }
    return rc;
}
static int vfsAccess(sqlite3_vfs *u, const char *name, int flags, int *out) { (void)u; return realVFS->xAccess(realVFS, name, flags, out); }
static int vfsFullPathname(sqlite3_vfs *u, const char *name, int n, char *out) { (void)u; return realVFS->xFullPathname(realVFS, name, n, out); }
static void *vfsDlOpen(sqlite3_vfs *u, const char *name) { (void)u; return realVFS->xDlOpen(realVFS, name); }
static void vfsDlError(sqlite3_vfs *u, int n, char *out) { (void)u; realVFS->xDlError(realVFS, n, out); }
static void (*vfsDlSym(sqlite3_vfs *u, void *h, const char *s))(void) { (void)u; return realVFS->xDlSym(realVFS, h, s); }
static void vfsDlClose(sqlite3_vfs *u, void *h) { (void)u; realVFS->xDlClose(realVFS, h); }
static int vfsRandomness(sqlite3_vfs *u, int n, char *out) { (void)u; return realVFS->xRandomness(realVFS, n, out); }
static int vfsSleep(sqlite3_vfs *u, int micros) { (void)u; return realVFS->xSleep(realVFS, micros); }
static int vfsCurrentTime(sqlite3_vfs *u, double *out) { (void)u; return realVFS->xCurrentTime(realVFS, out); }
static int vfsGetLastError(sqlite3_vfs *u, int n, char *out) { (void)u; return realVFS->xGetLastError(realVFS, n, out); }
static int vfsCurrentTimeInt64(sqlite3_vfs *u, sqlite3_int64 *out) { (void)u; return realVFS->xCurrentTimeInt64(realVFS, out); }

int powerloss_install(void) {
    if (realVFS) return SQLITE_OK;
    realVFS = sqlite3_vfs_find(NULL);
    if (!realVFS) return SQLITE_ERROR;
    vfs = (sqlite3_vfs){
        2, (int)sizeof(File), realVFS->mxPathname, NULL, "fenhong-powerloss", NULL,
        vfsOpen, vfsDelete, vfsAccess, vfsFullPathname, vfsDlOpen, vfsDlError, vfsDlSym, vfsDlClose,
        vfsRandomness, vfsSleep, vfsCurrentTime, vfsGetLastError, vfsCurrentTimeInt64, NULL, NULL, NULL,
    };
    return sqlite3_vfs_register(&vfs, 1);
}

void powerloss_arm(const char *prefix, int syncs, unsigned int seed, int keep) {
    snprintf(trackedPrefix, sizeof trackedPrefix, "%s", prefix);
    armed = 1;
    cut = 0;
    syncsSeen = 0;
    syncsUntilCut = syncs;
    keepPercent = keep;
    randomState = seed;
}

int powerloss_syncs(void) { return syncsSeen; }

int powerloss_was_cut(void) { return cut; }

int powerloss_restore(void) {
    int result = 0;
    for (Tracked *t = trackedFiles; t;) {
        if (!t->deleted) {
            unsigned char *image = t->synced;
            sqlite3_int64 size = t->syncedSize;
            for (Pending *p = t->pending; p; p = p->next) {
                if ((int)(nextRandom() % 100) < keepPercent) apply(&image, &size, p);
            }
            t->synced = image;
            FILE *out = fopen(t->path, "wb");
            if (!out || (size > 0 && fwrite(image, 1, (size_t)size, out) != (size_t)size)) result = -1;
            if (out) fclose(out);
        }
        clearPending(t);
        Tracked *next = t->next;
        free(t->synced);
        free(t->path);
        free(t);
        t = next;
    }
    trackedFiles = NULL;
    armed = 0;
    cut = 0;
    return result;
}
