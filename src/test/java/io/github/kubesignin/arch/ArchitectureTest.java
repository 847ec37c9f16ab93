package io.github.kubesignin.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries of DESIGN.md: each library stays in its own package, and only the command line prints. */
@AnalyzeClasses(packages = "io.github.kubesignin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "io.github.kubesignin";

    @ArchTest
    static final ArchRule javafxOnlyInUi = noClasses().that().resideOutsideOfPackage(ROOT + ".ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule awtOnlyInTray = noClasses().that().resideOutsideOfPackage(ROOT + ".ui.tray..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..");

    @ArchTest
    static final ArchRule nimbusOnlyInOidcAndIssuer = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".oidc..", ROOT + ".issuer..")
            .should().dependOnClassesThat().resideInAnyPackage("com.nimbusds..", "net.minidev..");

    @ArchTest
    static final ArchRule snakeYamlOnlyInKubeconfig = noClasses().that().resideOutsideOfPackage(ROOT + ".kubeconfig..")
            .should().dependOnClassesThat().resideInAPackage("org.yaml.snakeyaml..");

    @ArchTest
    static final ArchRule keyringOnlyInSecret = noClasses().that().resideOutsideOfPackage(ROOT + ".secret..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.javakeyring..", "org.freedesktop..", "de.swiesend..");

    @ArchTest
    static final ArchRule zxingOnlyInQr = noClasses().that().resideOutsideOfPackage(ROOT + ".qr..")
            .should().dependOnClassesThat().resideInAPackage("com.google.zxing..");

    @ArchTest
    static final ArchRule picocliOnlyInCli = noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule onlyTheCommandLinePrints = noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace");

    @ArchTest
    static final ArchRule mainNamesNoToolkit = noClasses().that().haveFullyQualifiedName(ROOT + ".Main")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".ui..", "javafx..");

    @ArchTest
    static final ArchRule coreDoesNotKnowTheSurfaces = noClasses()
            .that().resideInAnyPackage(ROOT + ".profile..", ROOT + ".oidc..", ROOT + ".token..", ROOT + ".secret..",
                    ROOT + ".session..", ROOT + ".json..", ROOT + ".files..", ROOT + ".reminder..", ROOT + ".instance..", ROOT + ".qr..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".cli..", ROOT + ".ui..", ROOT + ".app..");
}
