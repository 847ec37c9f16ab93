package io.github.kubesignin.instance;

import io.github.kubesignin.files.AtomicFileWriter;
import io.github.kubesignin.profile.ProfileValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.Scanner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One desktop app per user: the first launch listens on a Unix domain socket in an owner-only directory; a later
 * launch connects, asks it to come to the front (optionally with a profile to select) and exits instead of starting
 * a second window and a second tray icon.
 *
 * <p>The protocol is one line each way: {@code activate} or {@code activate NAME}, answered by {@code ok}. A
 * socket file left behind by a crashed instance refuses connections, so it is replaced. A lock file beside it keeps
 * two launches at the same moment from both deciding they are first.
 */
public final class SingleInstance implements AutoCloseable {
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final String ACTIVATE = "activate";

    private final ServerSocketChannel server;
    private final Path socketFile;
    private Thread listener;

    private SingleInstance(ServerSocketChannel server, Path socketFile) {
        this.server = server;
        this.socketFile = socketFile;
    }

    /**
     * Becomes the one instance, or hands {@code profile} to the running one.
     *
     * @param directory an owner-only directory for {@code app.socket} (created 0700 if missing)
     * @return the listening instance, or empty when a running instance took the request
     */
    public static Optional<SingleInstance> claim(Path directory, Optional<String> profile) {
        Path socketFile = directory.resolve("app.socket");
        try {
            AtomicFileWriter.createPrivateDirectories(directory);
            try (FileChannel lockFile = FileChannel.open(directory.resolve("app.socket.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                if (handOff(socketFile, profile)) {
                    return Optional.empty();
                }
                Files.deleteIfExists(socketFile); // left by an instance that did not close: nobody answers on it
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(socketFile));
                return Optional.of(new SingleInstance(server, socketFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check for a running kubesignin in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts answering later launches; {@code onActivate} gets the profile they asked for (empty for none) on a
     * daemon thread. Launches that came before this call wait in the socket's backlog.
     */
    public synchronized void listen(Consumer<Optional<String>> onActivate) {
        if (listener != null) {
            throw new IllegalStateException("already listening");
        }
        listener = new Thread(() -> acceptLoop(onActivate), "kubesignin-single-instance");
        listener.setDaemon(true);
        listener.start();
    }

    private void acceptLoop(Consumer<Optional<String>> onActivate) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                Scanner in = new Scanner(Channels.newInputStream(client), StandardCharsets.UTF_8);
                Optional<Optional<String>> request = in.hasNextLine() ? parse(in.nextLine()) : Optional.empty();
                if (request.isPresent()) {
                    client.write(ByteBuffer.wrap("ok\n".getBytes(StandardCharsets.UTF_8)));
                    onActivate.accept(request.get());
                }
            } catch (IOException | RuntimeException e) {
                // closed on shutdown, or a client that went away: keep serving the next one
            }
        }
    }

    /** {@code activate} → empty profile; {@code activate NAME} → NAME; anything else (or a bad name) → no request. */
    static Optional<Optional<String>> parse(String line) {
        String trimmed = line.strip();
        if (trimmed.equals(ACTIVATE)) {
            return Optional.of(Optional.empty());
        }
        if (trimmed.startsWith(ACTIVATE + " ")) {
            String name = trimmed.substring(ACTIVATE.length() + 1).strip();
            return ProfileValidator.isValidName(name) ? Optional.of(Optional.of(name)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** True when a running instance answered {@code ok}; false when nobody listens on the socket. */
    private static boolean handOff(Path socketFile, Optional<String> profile) throws IOException {
        if (!Files.exists(socketFile)) {
            return false;
        }
        SocketChannel client;
        try {
            client = SocketChannel.open(UnixDomainSocketAddress.of(socketFile));
        } catch (IOException refused) {
            return false;
        }
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kubesignin-handoff");
            thread.setDaemon(true);
            return thread;
        });
        try (client) {
            String request = ACTIVATE + profile.map(name -> " " + name).orElse("") + "\n";
            client.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            // a blocking socket channel has no read timeout: wait for the answer on a thread, with one
            Future<String> answer = reader.submit(() -> {
                Scanner in = new Scanner(Channels.newInputStream(client), StandardCharsets.UTF_8);
                return in.hasNextLine() ? in.nextLine() : "";
            });
            return answer.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).strip().equals("ok");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false; // a hung instance: better a second window than none
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            reader.shutdownNow();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socketFile);
        } catch (IOException e) {
            // the next launch replaces a socket file nobody answers on
        }
    }
}
