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
    void thePackagesNameTheLauncherWithASystemProperty() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("opt/kubesignin/bin"));
        Path launcher = executable(bin.resolve("kubectl-signin"));
        Files.createDirectories(dir.resolve("opt/kubesignin/lib/app"));

        // as jpackage passes it: -Dkubesignin.launcher=$APPDIR/../../bin/kubectl-signin
        List<String> command = SelfCommand.detect(Map.of(), dir + "/opt/kubesignin/lib/app/../../bin/kubectl-signin");

        assertThat(command).containsExactly(launcher.toString());
        assertThat(System.getProperty(SelfCommand.LAUNCHER_PROPERTY)).as("not set in the test JVM").isNull();
    }

    @Test
    void theEnvironmentVariableOverridesTheProperty() throws Exception {
        Path installed = executable(dir.resolve("installed"));
        Path own = executable(dir.resolve("own"));
        assertThat(SelfCommand.detect(Map.of("KUBESIGNIN_LAUNCHER", own.toString()), installed.toString())).containsExactly(own.toString());
        // an unusable variable does not hide a usable property
        assertThat(SelfCommand.detect(Map.of("KUBESIGNIN_LAUNCHER", "relative"), installed.toString())).containsExactly(installed.toString());
    }

    @Test
    void aPropertyThatIsNoExecutableAbsolutePathIsIgnored() throws Exception {
        Path notExecutable = Files.createFile(dir.resolve("plain"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Path directory = Files.createDirectories(dir.resolve("a-dir"));
        for (String property : new String[] {"kubectl-signin", "bin/kubectl-signin", notExecutable.toString(), directory.toString(),
                dir.resolve("missing").toString(), "", "  ", "/nul\u0000byte"}) {
            List<String> command = SelfCommand.detect(Map.of(), property);
            assertThat(Path.of(command.get(0)).getFileName().toString()).as(property).startsWith("java");
            assertThat(command).as(property).containsSequence(SelfCommand.QUICK_START);
        }
    }

    private static Path executable(Path file) throws Exception {
        return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
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
