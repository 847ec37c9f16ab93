package io.github.kubesignin.kubeconfig;

import io.github.kubesignin.files.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Backups beside a file, named {@code NAME.kubesignin-backup-YYYYMMDD-HHMMSS[-n]}, owner-only (they hold the same
 * secrets as the file). Only the newest {@link #KEEP} are kept.
 */
final class BackupFiles {
    static final int KEEP = 5;
    private static final String MARKER = ".kubesignin-backup-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Clock clock;

    BackupFiles(Clock clock) {
        this.clock = clock;
    }

    /**
     * Copies the current content of {@code file} to a new backup and returns its path. The backup is written
     * atomically too, so a crash never leaves a truncated backup that someone might later restore.
     */
    Path backUp(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        String base = file.getFileName() + MARKER + STAMP.format(LocalDateTime.now(clock));
        Path candidate = file.resolveSibling(base);
        for (int n = 1; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = file.resolveSibling(base + "-" + n); // two writes in the same second
        }
        AtomicFileWriter.write(candidate, content);
        return candidate;
    }

    /** Deletes all but the newest {@link #KEEP} backups of {@code file}. */
    void prune(Path file) throws IOException {
        List<Path> backups = list(file);
        for (int i = 0; i < backups.size() - KEEP; i++) {
            Files.deleteIfExists(backups.get(i));
        }
    }

    /** The backups of {@code file}, oldest first. */
    List<Path> list(Path file) throws IOException {
        Pattern pattern = Pattern.compile(Pattern.quote(file.getFileName() + MARKER) + "(\\d{8}-\\d{6})(?:-(\\d+))?");
        List<Backup> found = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        try (Stream<Path> siblings = Files.list(dir)) {
            siblings.forEach(path -> {
                Matcher matcher = pattern.matcher(path.getFileName().toString());
                if (matcher.matches()) {
                    int n = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
                    found.add(new Backup(path, matcher.group(1), n));
                }
            });
        }
        found.sort(Comparator.comparing(Backup::stamp).thenComparingInt(Backup::n));
        return found.stream().map(Backup::path).toList();
    }

    private record Backup(Path path, String stamp, int n) {
    }
}
