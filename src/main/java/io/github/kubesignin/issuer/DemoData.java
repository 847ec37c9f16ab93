package io.github.kubesignin.issuer;

import java.util.List;

/** The demo issuer's users and clients, public so that the demo command and tests can sign in with them. */
public final class DemoData {
    public static final String CLIENT_ID = "kubesignin";
    public static final String CONFIDENTIAL_CLIENT_ID = "kubesignin-confidential";
    public static final String CLIENT_SECRET = "demo-client-secret";

    public static final String USER = "alice";
    public static final String PASSWORD = "alice-password";
    public static final String EMAIL = "alice@example.com";
    public static final String NAME = "Alice Liddell";
    public static final List<String> GROUPS = List.of("developers", "kube-admins");

    /** A second user whose email is not verified, which the API server rejects when the username claim is email. */
    public static final String UNVERIFIED_USER = "bob";
    public static final String UNVERIFIED_PASSWORD = "bob-password";
    public static final String UNVERIFIED_EMAIL = "bob@example.com";
    public static final String UNVERIFIED_NAME = "Bob Example";
    public static final List<String> UNVERIFIED_GROUPS = List.of("viewers");

    public static final IssuerUser ALICE = new IssuerUser(USER, PASSWORD, EMAIL, true, GROUPS, NAME);
    public static final IssuerUser BOB = new IssuerUser(UNVERIFIED_USER, UNVERIFIED_PASSWORD, UNVERIFIED_EMAIL, false,
            UNVERIFIED_GROUPS, UNVERIFIED_NAME);

    public static final IssuerClient PUBLIC_CLIENT =
            IssuerClient.publicClient(CLIENT_ID, IssuerClient.PASSWORD, IssuerClient.REFRESH_TOKEN,
                    IssuerClient.AUTHORIZATION_CODE, IssuerClient.DEVICE_CODE);
    public static final IssuerClient CONFIDENTIAL_CLIENT = IssuerClient.confidentialClient(CONFIDENTIAL_CLIENT_ID,
            CLIENT_SECRET, IssuerClient.PASSWORD, IssuerClient.REFRESH_TOKEN, IssuerClient.AUTHORIZATION_CODE,
            IssuerClient.DEVICE_CODE);

    private DemoData() {
    }
}
