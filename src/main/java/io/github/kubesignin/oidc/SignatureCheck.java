package io.github.kubesignin.oidc;

/** The inspector's verdict on a token's signature, with a sentence that explains it. */
public record SignatureCheck(Verdict verdict, String detail) {
    public enum Verdict {
        VALID,
        INVALID,
        /** The signature could not be checked, e.g. the issuer was unreachable. */
        NOT_CHECKED
    }

    public static SignatureCheck notChecked(String why) {
        return new SignatureCheck(Verdict.NOT_CHECKED, why);
    }
}
