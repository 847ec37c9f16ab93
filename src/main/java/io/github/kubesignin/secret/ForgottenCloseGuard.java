package io.github.kubesignin.secret;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes keychain connections nobody closed once nothing but them keeps the JVM alive. dbus-java gives every
 * connection a non-daemon "DBus Sender Thread", so a program that forgets {@link KeyringSecretStore#close()}
 * would otherwise never exit. A daemon thread looks every {@value #PERIOD_MILLIS} ms while any connection is open:
 * when the only live non-daemon threads are those sender threads (and the launcher's "DestroyJavaVM"), the
 * program is done, and it closes them.
 */
final class ForgottenCloseGuard {
    static final long PERIOD_MILLIS = 200;
    private static final String SENDER_THREAD_PREFIX = "DBus Sender Thread";
    private static final String LAUNCHER_THREAD = "DestroyJavaVM";

    private static final Set<Runnable> openConnections = ConcurrentHashMap.newKeySet();
    private static Thread watcher;

    private ForgottenCloseGuard() {
    }

    /** Remembers {@code closer} until {@link #release} is called, and runs it if the program ends first. */
    static synchronized void watch(Runnable closer) {
        openConnections.add(closer);
        if (watcher == null || !watcher.isAlive()) {
            watcher = new Thread(ForgottenCloseGuard::watchUntilIdle, "kubesignin-keychain-close-guard");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    static void release(Runnable closer) {
        openConnections.remove(closer);
    }

    private static void watchUntilIdle() {
        try {
            while (true) {
                Thread.sleep(PERIOD_MILLIS);
                if (!openConnections.isEmpty() && onlyLibraryThreadsKeepJvmAlive()) {
                    for (Runnable closer : Set.copyOf(openConnections)) {
                        openConnections.remove(closer);
                        closer.run();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean onlyLibraryThreadsKeepJvmAlive() {
        for (Thread thread : allThreads()) {
            if (thread.isAlive() && !thread.isDaemon()
                    && !thread.getName().startsWith(SENDER_THREAD_PREFIX)
                    && !thread.getName().equals(LAUNCHER_THREAD)) {
                return false;
            }
        }
        return true;
    }

    private static Thread[] allThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count;
        while ((count = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        return java.util.Arrays.copyOf(threads, count);
    }
}
