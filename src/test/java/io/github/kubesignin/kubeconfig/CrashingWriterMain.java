package io.github.kubesignin.kubeconfig;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Child process for {@link InterruptedWriteTest}: rewrites a kubeconfig with two alternating contents forever,
 * printing a line after each write, until the test kills it with SIGKILL at an arbitrary moment.
 */
public final class CrashingWriterMain {
    private CrashingWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        KubeconfigWriter writer = new KubeconfigWriter(Clock.systemUTC());
        String[] contents = {InterruptedWriteTest.content('A'), InterruptedWriteTest.content('B')};
        for (int i = 0; ; i++) {
            writer.write(file, contents[i % 2]);
            System.out.println("wrote " + i);
            System.out.flush();
        }
    }
}
