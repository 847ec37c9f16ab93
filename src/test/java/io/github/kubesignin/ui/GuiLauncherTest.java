package io.github.kubesignin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuiLauncherTest {
    @Test
    void theProfileToSelectComesFromTheArguments() {
        assertThat(GuiLauncher.profileArgument(new String[] {"gui", "--profile", "work"})).contains("work");
        assertThat(GuiLauncher.profileArgument(new String[] {"--profile=lab"})).contains("lab");
        assertThat(GuiLauncher.profileArgument(new String[] {"gui"})).isEmpty();
        assertThat(GuiLauncher.profileArgument(new String[] {"--profile"})).isEmpty();
    }

    @Test
    void theSocketLivesInTheRuntimeDirectoryElseTheCache() {
        assertThat(GuiLauncher.socketDirectory(Map.of("XDG_RUNTIME_DIR", "/run/user/1000", "HOME", "/home/a")))
                .isEqualTo(Path.of("/run/user/1000/kubesignin"));
        assertThat(GuiLauncher.socketDirectory(Map.of("HOME", "/home/a")))
                .isEqualTo(Path.of("/home/a/.cache/kubesignin"));
    }
}
