package io.github.kubesignin.session;

import io.github.kubesignin.files.AtomicFileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An exclusive lock on one profile's session, across processes (an OS file lock on {@code NAME.lock}) and across
 * threads of this process (the OS lock belongs to the whole JVM, so threads queue on an in-process permit first;
 * a permit, not a reentrant lock, so that a nested attempt from the same thread waits and times out instead of
 * failing inside the JDK).
 * The lock file is left in place: deleting it would let two processes lock two different files.
 */
final class ProfileLock implements AutoCloseable {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final long POLL_MILLIS = 25;
    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

    private final Semaphore threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private ProfileLock(Semaphore threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Waits up to {@code timeout} for the lock; throws {@link SessionLockTimeoutException} after that. */
    static ProfileLock acquire(Path lockFile, String profile, Duration timeout) {
        Path file = lockFile.toAbsolutePath().normalize();
        long deadline = System.nanoTime() + timeout.toNanos();
        Semaphore threadLock = IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
        try {
            if (!threadLock.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SessionLockTimeoutException(profile, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionLockTimeoutException(profile, timeout);
        }
        FileChannel channel = null;
        try {
            AtomicFileWriter.createPrivateDirectories(file.getParent());
            channel = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly());
            // FileChannel.lock() cannot time out, so poll tryLock until the deadline.
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new ProfileLock(threadLock, channel, lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new SessionLockTimeoutException(profile, timeout);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            release(threadLock, channel);
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(threadLock, channel);
            throw new SessionLockTimeoutException(profile, timeout);
        } catch (RuntimeException e) {
            release(threadLock, channel);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            fileLock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        release(threadLock, channel);
    }

    private static void release(Semaphore threadLock, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // the OS drops the lock with the descriptor anyway
        } finally {
            threadLock.release();
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
