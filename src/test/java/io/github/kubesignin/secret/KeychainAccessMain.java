package io.github.kubesignin.secret;

/**
 * A child-process main for {@link KeyringFailureModesTest}: reads one absent key with a fresh store, prints the
 * outcome, and returns from main WITHOUT closing the store or calling System.exit, so the process ends by itself
 * only if no non-daemon thread was left behind.
 */
public final class KeychainAccessMain {
    /** Written only with "put"; the parent asserts it never shows up in the output. */
    static final String SECRET = "child-secret-Zq8v3Xk";

    private KeychainAccessMain() {
    }

    public static void main(String[] args) {
        String service = args.length > 0 ? args[0] : KeyringSecretStore.DEFAULT_SERVICE;
        boolean write = args.length > 1 && args[1].equals("put");
        long start = System.nanoTime();
        try {
            var store = new KeyringSecretStore(service);
            if (write) {
                store.put("kubesignin-child-probe", SECRET);
                store.delete("kubesignin-child-probe");
                System.out.println("OK stored and deleted");
            } else {
                System.out.println("OK present=" + store.get("kubesignin-child-probe").isPresent());
            }
        } catch (SecretStoreUnavailableException e) {
            System.err.println(e.getMessage());
        }
        System.out.println("keychain-access-ms=" + (System.nanoTime() - start) / 1_000_000);
    }
}
