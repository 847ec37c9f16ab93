package io.github.kubesignin.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** View models (and the shared model) use javafx.beans and javafx.collections only, so they test without a toolkit. */
@AnalyzeClasses(packages = "io.github.kubesignin.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewModelArchitectureTest {
    @ArchTest
    static final ArchRule viewModelsKnowNoControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleName("AppModel").or().haveSimpleName("BackgroundWork")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..", "javafx.animation..");
}
