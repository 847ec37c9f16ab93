package io.github.kubesignin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfCommandTest {
    @TempDir
    Path dir;

    @Test
    void anInstalledLauncherWins() throws Exception {
        Path launcher = Files.createFile(dir.resolve("kubectl-signin"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        assertThat(SelfCommand.detect(Map.of("KUBESIGNIN_LAUNCHER", launcher.toString()))).containsExactly(launcher.toString());
    }

    @Test
    void otherwiseTheRunningJavaWithAbsolutePathsAndQuickStartFlags() {
        List<String> command = SelfCommand.detect(Map.of("KUBESIGNIN_LAUNCHER", "relative/launcher"));
        assertThat(Path.of(command.get(0))).isAbsolute();
        assertThat(Path.of(command.get(0)).getFileName().toString()).startsWith("java");
        assertThat(command).containsSequence(SelfCommand.QUICK_START);
        // from the build tree the classes are a directory, so the class path is named; from the jar, -jar JAR
        assertThat(command).containsAnyOf("-jar", "-cp");
        String last = command.get(command.size() - 1);
        assertThat(last.equals("io.github.kubesignin.Main") || (last.endsWith(".jar") && Path.of(last).isAbsolute())).isTrue();
    }
}
