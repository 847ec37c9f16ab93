package io.github.kubesignin.secret;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.DBus;

/**
 * Asks the D-Bus session bus whether a Secret Service provider is there, before java-keyring is let near it: with a
 * bus but no provider java-keyring throws and leaks the non-daemon threads of its half-open connection, which then
 * keep the JVM alive for ever. Uses its own private connection and always closes it. Blocks for one connection
 * set-up and one or two bus calls; callers put a timeout around it.
 */
final class SecretServiceProbe {
    static final String SECRET_SERVICE_NAME = "org.freedesktop.secrets";
    static final String BUS_ADDRESS_VARIABLE = "DBUS_SESSION_BUS_ADDRESS";

    private final Map<String, String> environment;
    private final String osName;

    SecretServiceProbe(Map<String, String> environment, String osName) {
        this.environment = Map.copyOf(environment);
        this.osName = osName;
    }

    static boolean isLinux(String osName) {
        return osName.toLowerCase(Locale.ROOT).contains("linux");
    }

    /** Why the Secret Service cannot be used, or empty when it can (or when this is not Linux, where there is no bus). */
    Optional<String> problem() {
        if (!isLinux(osName)) {
            return Optional.empty();
        }
        String address = environment.getOrDefault(BUS_ADDRESS_VARIABLE, "").trim();
        if (address.isEmpty()) {
            return Optional.of(KeychainMessages.NO_SESSION_BUS);
        }
        DBusConnection connection;
        try {
            connection = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        } catch (Exception | LinkageError e) {
            return Optional.of(KeychainMessages.busUnreachable(address, e));
        }
        try {
            return hasProvider(connection) ? Optional.empty() : Optional.of(KeychainMessages.NO_PROVIDER);
        } catch (Exception e) {
            return Optional.of(KeychainMessages.busUnreachable(address, e));
        } finally {
            closeQuietly(connection);
        }
    }

    /** A provider is running, or the bus can start one on demand (gnome-keyring's D-Bus activation file). */
    private static boolean hasProvider(DBusConnection connection) throws Exception {
        DBus bus = connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
        return bus.NameHasOwner(SECRET_SERVICE_NAME)
                || Arrays.asList(bus.ListActivatableNames()).contains(SECRET_SERVICE_NAME);
    }

    private static void closeQuietly(DBusConnection connection) {
        try {
            connection.close();
        } catch (Exception ignored) {
            // Nothing useful to do: the connection was only used for a question.
        }
    }
}
