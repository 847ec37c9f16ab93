package io.github.kubesignin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/io/github/kubesignin/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"kubesignin " + properties.getProperty("version", "(development build)")};
    }
}
