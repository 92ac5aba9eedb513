//! The Java resolver end to end on small Maven projects: index a temporary
//! directory, check files, assert the exact findings. Covers imports (JDK,
//! project packages, declared and undeclared dependencies), bare calls
//! through enclosing classes and project supertypes, static imports,
//! `this`/`super`/`Type.` calls, constructors, overload arity, and valid
//! code (external supertypes, Lombok, anonymous classes) that must stay clean.

mod project;

use project::{Proj, summary};

const POM: &str = r#"<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>shop</artifactId>
  <version>1.0</version>
  <dependencies>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.9</version></dependency>
    <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>33.0.0-jre</version></dependency>
    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version><scope>test</scope></dependency>
  </dependencies>
</project>
"#;

const BASE: &str = r#"package com.acme.shop.model;

public abstract class Base {
  protected String id;

  protected Base(String id) {
    this.id = id;
  }

  protected void touch() {}

  public String describe(String sep, Object... parts) {
    return id + sep + parts.length;
  }
}
"#;

const CART: &str = r#"package com.acme.shop.model;

import java.util.ArrayList;
import java.util.List;

/** A cart. */
public class Cart extends Base implements Comparable<Cart> {
  private final List<String> items = new ArrayList<>();

  public Cart(String id) {
    super(id);
  }

  public Cart() {
    this("anon");
  }

  public void add(String sku) {
    add(sku, 1);
  }

  public void add(String sku, int qty) {
    for (int i = 0; i < qty; i++) {
      items.add(sku);
    }
    touch();
  }

  public int size() {
    return items.size();
  }

  public static Cart empty() {
    return new Cart();
  }

  @Override
  public int compareTo(Cart o) {
    return Integer.compare(size(), o.size());
  }

  static final class Line {
    final String sku;

    Line(String sku) {
      this.sku = sku;
    }
  }
}
"#;

const UTIL: &str = r#"package com.acme.shop.util;

public final class Strings {
  private Strings() {}

  public static String pad(String s, int n) {
    return s;
  }

  public static String join(String... parts) {
    return String.join(",", parts);
  }
}
"#;

fn shop() -> Proj {
    Proj::new(&[
        ("pom.xml", POM),
        ("src/main/java/com/acme/shop/model/Base.java", BASE),
        ("src/main/java/com/acme/shop/model/Cart.java", CART),
        ("src/main/java/com/acme/shop/util/Strings.java", UTIL),
    ])
}

#[test]
fn imports_of_jdk_project_declared_and_undeclared_packages() {
    let p = shop();
    let r = p.check_files(&[(
        "src/main/java/com/acme/shop/App.java",
        "package com.acme.shop;\n\nimport java.util.Map;\nimport java.util.Mapp;\nimport java.utill.List;\nimport java.util.concurrent.*;\nimport com.acme.shop.model.Cart;\nimport com.acme.shop.model.Carts;\nimport com.acme.shop.modle.Base;\nimport com.acme.shop.util.*;\nimport static com.acme.shop.util.Strings.pad;\nimport static com.acme.shop.util.Strings.padd;\nimport org.slf4j.Logger;\nimport com.google.common.collect.ImmutableList;\nimport org.apache.commons.lang3.StringUtils;\nimport org.junit.Test;\nimport javax.annotation.Nullable;\nimport javax.annotationz.Nullable;\n\nclass App {}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-import src/main/java/com/acme/shop/App.java:4 the JDK package java.util has no public class 'Mapp'",
            "unknown-import src/main/java/com/acme/shop/App.java:5 'java.utill.List' is not a JDK package or class",
            "unknown-import src/main/java/com/acme/shop/App.java:8 package com.acme.shop.model has no class 'Carts'",
            "unknown-import src/main/java/com/acme/shop/App.java:9 package com.acme.shop has no subpackage 'modle'",
            "unknown-import src/main/java/com/acme/shop/App.java:12 class Strings has no static member 'padd'",
            "undeclared-package src/main/java/com/acme/shop/App.java:15 package org.apache.commons.lang3 is not provided by any dependency the build declares",
            "undeclared-package src/main/java/com/acme/shop/App.java:18 package javax.annotationz is not provided by any dependency the build declares",
        ]
    );
    // javax.annotation (line 17) is an EE API package that declared
    // dependencies may bring along; javax.annotationz is no such package.
    // The near miss is offered.
    assert_eq!(r.findings[0].candidates[0].name, "Map");
    assert_eq!(r.findings[2].candidates[0].name, "Cart");
}

#[test]
fn bare_this_super_and_static_calls() {
    let p = shop();
    let r = p.check_files(&[(
        "src/main/java/com/acme/shop/model/Shelf.java",
        r#"package com.acme.shop.model;

import com.acme.shop.util.Strings;
import static com.acme.shop.util.Strings.*;

class Shelf extends Cart {
  Shelf() {
    super("shelf");
  }

  void fill() {
    add("a");
    add("a", 2);
    add("a", 2, 3);
    addd("a");
    this.touch();
    this.tuch();
    super.size();
    super.sizes();
    describe("-");
    describe("-", 1, 2, 3);
    describe();
    Strings.pad("x", 1);
    Strings.pad("x");
    Strings.padLeft("x", 1);
    join("a", "b");
    Cart.empty();
    Cart.emptyy();
    String.valueOf(1);
    String.valueOff(1);
    java.util.Collections.emptyList();
    hashCode();
    compareTo(this);
  }
}
"#,
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "arity-mismatch src/main/java/com/acme/shop/model/Shelf.java:14 method Cart.add takes one of 2 overloads, not 3 argument(s)",
            "unknown-symbol src/main/java/com/acme/shop/model/Shelf.java:15 'addd' is not a method of the enclosing class or a static import",
            "unknown-symbol src/main/java/com/acme/shop/model/Shelf.java:17 'tuch' is not a method of Shelf",
            "unknown-symbol src/main/java/com/acme/shop/model/Shelf.java:19 'sizes' is not a method of the supertypes of Shelf",
            "arity-mismatch src/main/java/com/acme/shop/model/Shelf.java:22 method Base.describe takes (sep, *parts), not 0 argument(s)",
            "arity-mismatch src/main/java/com/acme/shop/model/Shelf.java:24 method Strings.pad takes (s, n), not 1 argument(s)",
            "unknown-symbol src/main/java/com/acme/shop/model/Shelf.java:25 class Strings has no method 'padLeft'",
            "unknown-symbol src/main/java/com/acme/shop/model/Shelf.java:28 class Cart has no method 'emptyy'",
            "unknown-symbol src/main/java/com/acme/shop/model/Shelf.java:30 java.lang.String has no public member 'valueOff'",
        ]
    );
    let addd = &r.findings[1];
    assert!(
        addd.candidates.iter().any(|c| c.name == "add"),
        "{:?}",
        addd.candidates
    );
}

#[test]
fn constructors_and_their_overloads() {
    let p = shop();
    let r = p.check_files(&[(
        "src/main/java/com/acme/shop/Maker.java",
        r#"package com.acme.shop;

import com.acme.shop.model.Cart;
import java.util.ArrayList;

class Maker {
  Object make() {
    new Cart();
    new Cart("a");
    new Cart("a", "b");
    new Cartt("a");
    new Cart.Line("x");
    new Cart.Line();
    new ArrayList<String>(3);
    new Maker();
    new Maker(1);
    return new Object();
  }
}
"#,
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "arity-mismatch src/main/java/com/acme/shop/Maker.java:10 constructor of Cart takes one of 2 overloads, not 2 argument(s)",
            "unknown-symbol src/main/java/com/acme/shop/Maker.java:11 class 'Cartt' is not declared, imported or in package com.acme.shop",
            "arity-mismatch src/main/java/com/acme/shop/Maker.java:13 constructor of Cart.Line takes (sku), not 0 argument(s)",
            "arity-mismatch src/main/java/com/acme/shop/Maker.java:16 constructor of Maker takes (), not 1 argument(s)",
        ]
    );
}

#[test]
fn valid_code_stays_clean() {
    let p = shop();
    let r = p.check_files(&[
        (
            "src/main/java/com/acme/shop/Valid.java",
            r#"package com.acme.shop;

import com.acme.shop.model.Cart;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;

public class Valid extends ArrayList<String> implements Runnable {
  private static final Comparator<String> BY_LEN = Comparator.comparingInt(String::length);

  @Override
  public void run() {
    add("x");
    ensureCapacity(3);
    removeRange(0, 1);
    Runnable r =
        new Runnable() {
          @Override
          public void run() {
            helper(1, 2);
            Valid.this.clear();
          }

          void helper(int a, int b) {}

          void again() {
            this.helper(1, 2);
          }
        };
    Function<Integer, Integer> f = x -> x + 1;
    List<String> l = ImmutableList.of("a");
    Cart c = new Cart("a");
    c.add("b");
    local();
    new Thread(r).start();
    Color.RED.paint();
    Color.valueOf("RED");
  }

  private void local() {}

  enum Color {
    RED {
      @Override
      void paint() {
        shade();
        this.tint();
      }

      void tint() {}
    };

    void paint() {}

    void shade() {}
  }
}
"#,
        ),
        (
            "src/main/java/com/acme/shop/External.java",
            "package com.acme.shop;\n\nimport org.slf4j.helpers.MarkerIgnoringBase;\n\nclass External extends MarkerIgnoringBase {\n  void go() {\n    debug(\"x\");\n    anything(1, 2);\n  }\n}\n",
        ),
        (
            "src/main/java/com/acme/shop/Bean.java",
            "package com.acme.shop;\n\nimport lombok.Data;\n\n@Data\nclass Bean {\n  private String name;\n\n  void go() {\n    setName(getName());\n    new Bean(\"x\");\n  }\n}\n",
        ),
    ]);
    // Lombok is not declared in the pom: only its import is a finding.
    assert_eq!(
        summary(&r),
        vec![
            "undeclared-package src/main/java/com/acme/shop/Bean.java:3 package lombok is not provided by any dependency the build declares"
        ]
    );
}

#[test]
fn without_a_build_file_third_party_imports_are_not_judged() {
    let p = Proj::new(&[(
        "src/main/java/a/b/One.java",
        "package a.b;\n\npublic class One {}\n",
    )]);
    let r = p.check_files(&[(
        "src/main/java/a/b/Two.java",
        "package a.b;\n\nimport org.apache.commons.lang3.StringUtils;\nimport a.b.Onne;\n\nclass Two {\n  void go() {\n    new One();\n    gone();\n  }\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-import src/main/java/a/b/Two.java:4 package a.b has no class 'Onne'",
            "unknown-symbol src/main/java/a/b/Two.java:9 'gone' is not a method of the enclosing class or a static import",
        ]
    );
}

#[test]
fn records_local_classes_and_generated_sources_are_not_judged() {
    let p = shop();
    let r = p.check_files(&[
        (
            "src/main/java/com/acme/shop/Local.java",
            "package com.acme.shop;\n\nclass Local {\n  record Point(int x, int y) {\n    Point(int x) {\n      this(x, 0);\n    }\n  }\n\n  Object a() {\n    class Helper {\n      Helper(int n) {}\n    }\n    return new Helper(1);\n  }\n\n  Object b() {\n    class Helper {}\n    new Point(1, 2);\n    new Point(1);\n    return new Helper();\n  }\n}\n",
        ),
        (
            "api/pom.xml",
            "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>api</artifactId><version>1</version>\n<build><plugins><plugin><groupId>io.github.ascopes</groupId><artifactId>protobuf-maven-plugin</artifactId></plugin></plugins></build></project>\n",
        ),
        (
            "api/src/main/java/com/acme/shop/api/Client.java",
            "package com.acme.shop.api;\n\nimport com.acme.shop.api.proto.Request;\nimport com.acme.shop.model.Carts;\n\nclass Client {\n  Object go() {\n    return new Reply();\n  }\n}\n",
        ),
    ]);
    assert_eq!(summary(&r), Vec::<String>::new());
}

#[test]
fn newer_jdks_and_kotlin_builds_leave_absence_unproven() {
    let app = "package a.b;\n\nimport java.util.SequencedCollection;\nimport a.b.Gone;\n\nclass App {\n  void go() {\n    Math.clamp(1, 0, 2);\n    new Missing();\n  }\n}\n";
    let findings = |build: (&str, &str)| {
        let p = Proj::new(&[
            build,
            (
                "src/main/java/a/b/One.java",
                "package a.b;\n\npublic class One {}\n",
            ),
        ]);
        summary(&p.check_files(&[("src/main/java/a/b/App.java", app)]))
    };
    let pom = |props: &str| {
        format!(
            "<project><modelVersion>4.0.0</modelVersion><groupId>a.b</groupId><artifactId>app</artifactId><version>1</version><properties>{props}</properties></project>\n"
        )
    };
    // Java 17 (the JDK the list comes from): every absence is a finding.
    let p17 = pom("<maven.compiler.release>17</maven.compiler.release>");
    assert_eq!(
        findings(("pom.xml", &p17)),
        vec![
            "unknown-import src/main/java/a/b/App.java:3 the JDK package java.util has no public class 'SequencedCollection'",
            "unknown-import src/main/java/a/b/App.java:4 package a.b has no class 'Gone'",
            "unknown-symbol src/main/java/a/b/App.java:8 java.lang.Math has no public member 'clamp'",
            "unknown-symbol src/main/java/a/b/App.java:9 class 'Missing' is not declared, imported or in package a.b",
        ]
    );
    // Java 21: JDK absences prove nothing; `Missing` could be a newer java.lang class.
    let p21 = pom("<maven.compiler.release>21</maven.compiler.release>");
    assert_eq!(
        findings(("pom.xml", &p21)),
        vec!["unknown-import src/main/java/a/b/App.java:4 package a.b has no class 'Gone'"]
    );
    // Kotlin sources may declare the project classes.
    let kts = "plugins {\n  kotlin(\"jvm\") version \"2.0.0\"\n}\njava { toolchain { languageVersion = JavaLanguageVersion.of(17) } }\n";
    assert_eq!(
        findings(("build.gradle.kts", kts)),
        vec![
            "unknown-import src/main/java/a/b/App.java:3 the JDK package java.util has no public class 'SequencedCollection'",
            "unknown-symbol src/main/java/a/b/App.java:8 java.lang.Math has no public member 'clamp'",
        ]
    );
}

#[test]
fn a_class_two_modules_declare_is_not_judged() {
    let p = Proj::new(&[
        (
            "m1/src/main/java/a/b/Dup.java",
            "package a.b;\n\npublic class Dup {\n  public static void one() {}\n}\n",
        ),
        (
            "m2/src/main/java/a/b/Dup.java",
            "package a.b;\n\npublic class Dup {\n  public static void two() {}\n}\n",
        ),
        (
            "m1/src/main/java/a/b/Solo.java",
            "package a.b;\n\npublic class Solo {\n  public static void one() {}\n}\n",
        ),
    ]);
    let r = p.check_files(&[(
        "m2/src/main/java/a/b/Use.java",
        "package a.b;\n\nclass Use {\n  void go() {\n    Dup.two();\n    new Dup(1);\n    Solo.two();\n  }\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec!["unknown-symbol m2/src/main/java/a/b/Use.java:7 class Solo has no method 'two'"]
    );
}

#[test]
fn calls_on_variables_declared_with_a_project_class() {
    let p = shop();
    let r = p.check_files(&[(
        "src/main/java/com/acme/shop/Till.java",
        r#"package com.acme.shop;

import com.acme.shop.model.Cart;
import java.util.List;
import java.util.function.Consumer;

class Till {
  private final Cart cart = new Cart();

  void ring(Cart given, List<Cart> all, Object o) {
    Cart c = new Cart("a");
    c.add("b");
    c.addd("b");
    var d = new Cart();
    d.size(1);
    given.describe("-", 1);
    given.checkout();
    cart.empty();
    cart.emptied();
    for (Cart each : all) {
      each.size();
      each.sizee();
    }
    Consumer<Cart> k = cart -> cart.whatever();
    Cart[] many = {c};
    many.clone();
  }

  void other(Object o) {
    // A pattern variable shadows the field in its block.
    if (o instanceof String cart) {
      cart.length();
    }
    cart.emptied();
  }
}
"#,
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-symbol src/main/java/com/acme/shop/Till.java:13 'addd' is not a method of Cart (the declared type of 'c')",
            "arity-mismatch src/main/java/com/acme/shop/Till.java:15 method Cart.size takes (), not 1 argument(s)",
            "unknown-symbol src/main/java/com/acme/shop/Till.java:17 'checkout' is not a method of Cart (the declared type of 'given')",
            "unknown-symbol src/main/java/com/acme/shop/Till.java:19 'emptied' is not a method of Cart (the declared type of 'cart')",
            "unknown-symbol src/main/java/com/acme/shop/Till.java:22 'sizee' is not a method of Cart (the declared type of 'each')",
        ]
    );
}

#[test]
fn single_static_imports_carry_their_overloads() {
    let p = shop();
    let r = p.check_files(&[(
        "src/main/java/com/acme/shop/Pads.java",
        "package com.acme.shop;\n\nimport static com.acme.shop.util.Strings.join;\nimport static com.acme.shop.util.Strings.pad;\nimport static org.junit.Assert.assertEquals;\n\nclass Pads {\n  void go() {\n    pad(\"x\", 1);\n    pad(\"x\");\n    join();\n    join(\"a\", \"b\", \"c\");\n    assertEquals(1);\n  }\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "arity-mismatch src/main/java/com/acme/shop/Pads.java:10 method Strings.pad takes (s, n), not 1 argument(s)"
        ]
    );
}

#[test]
fn android_builds_provide_the_sdk_and_generate_r() {
    let p = Proj::new(&[
        (
            "app/build.gradle",
            "plugins {\n    id 'com.android.application'\n}\n\ndependencies {\n    implementation 'androidx.appcompat:appcompat:1.6.1'\n}\n",
        ),
        (
            "app/src/main/java/com/acme/app/Util.java",
            "package com.acme.app;\n\npublic class Util {}\n",
        ),
    ]);
    let r = p.check_files(&[(
        "app/src/main/java/com/acme/app/MainActivity.java",
        "package com.acme.app;\n\nimport android.os.Bundle;\nimport androidx.appcompat.app.AppCompatActivity;\nimport com.acme.app.databinding.ActivityMainBinding;\nimport org.apache.commons.lang3.StringUtils;\n\npublic class MainActivity extends AppCompatActivity {\n  @Override\n  protected void onCreate(Bundle state) {\n    super.onCreate(state);\n    setContentView(R.layout.main);\n    new Util();\n  }\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "undeclared-package app/src/main/java/com/acme/app/MainActivity.java:6 package org.apache.commons.lang3 is not provided by any dependency the build declares"
        ]
    );
}

#[test]
fn a_word_that_starts_with_a_generator_name_runs_no_generator() {
    // `protocol` in a deployment URL is not `protoc`: the classes are all in sight.
    let pom = "<project><modelVersion>4.0.0</modelVersion><groupId>a.b</groupId><artifactId>app</artifactId><version>1</version>\n<distributionManagement><site><id>site</id><url>${commons.deployment.protocol}://people.apache.org/www/</url></site></distributionManagement></project>\n";
    let p = Proj::new(&[
        ("pom.xml", pom),
        (
            "src/main/java/a/b/One.java",
            "package a.b;\n\npublic class One {}\n",
        ),
    ]);
    let r = p.check_files(&[(
        "src/main/java/a/b/Two.java",
        "package a.b;\n\nclass Two {\n  Object go() {\n    new One();\n    return new Onee();\n  }\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-symbol src/main/java/a/b/Two.java:6 class 'Onee' is not declared, imported or in package a.b"
        ]
    );
}

#[test]
fn jdk_supertypes_lend_their_member_classes_and_nothing_else() {
    let p = Proj::new(&[(
        "src/main/java/a/b/One.java",
        "package a.b;\n\npublic class One {}\n",
    )]);
    let r = p.check_files(&[
        (
            // AbstractMap has SimpleEntry, Map (through it) Entry; Serializable has no member classes.
            "src/main/java/a/b/Pairs.java",
            "package a.b;\n\nimport java.io.Serializable;\nimport java.util.AbstractMap;\nimport java.util.Set;\n\nclass Pairs extends AbstractMap<String, String> implements Serializable {\n  @Override\n  public Set<Entry<String, String>> entrySet() {\n    Object e = new SimpleEntry<>(\"k\", \"v\");\n    return null;\n  }\n\n  static Object make() {\n    return new Builders();\n  }\n}\n",
        ),
        (
            "src/main/java/a/b/Statics.java",
            "package a.b;\n\nimport static java.util.AbstractMap.SimpleEntry;\nimport static java.util.Map.Entry;\n\nclass Statics {}\n",
        ),
    ]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-symbol src/main/java/a/b/Pairs.java:15 class 'Builders' is not declared, imported or in package a.b"
        ]
    );
}

#[test]
fn jmh_generates_only_its_own_package() {
    // JMH's annotation processor writes `<package>.jmh_generated`; nothing else is unproven.
    let pom = "<project><modelVersion>4.0.0</modelVersion><groupId>a.b</groupId><artifactId>app</artifactId><version>1</version>\n<dependencies><dependency><groupId>org.openjdk.jmh</groupId><artifactId>jmh-generator-annprocess</artifactId><version>1.37</version><scope>test</scope></dependency></dependencies></project>\n";
    let p = Proj::new(&[
        ("pom.xml", pom),
        (
            "src/main/java/a/b/One.java",
            "package a.b;\n\npublic class One {}\n",
        ),
    ]);
    let r = p.check_files(&[(
        "src/main/java/a/b/Two.java",
        "package a.b;\n\nimport a.b.Gone;\nimport a.b.jmh_generated.One_jmhType;\n\nclass Two {\n  Object go() {\n    new One();\n    return new Onee();\n  }\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-import src/main/java/a/b/Two.java:3 package a.b has no class 'Gone'",
            "unknown-symbol src/main/java/a/b/Two.java:9 class 'Onee' is not declared, imported or in package a.b",
        ]
    );
}

#[test]
fn a_file_not_read_in_full_hides_only_the_names_it_spells() {
    // A test with raw NUL bytes in a string is skipped as binary: it may
    // declare `Hidden`, which it spells, but not `Gone` or `Missing`.
    let fuzz =
        "package a.b;\n\nclass FuzzTest {\n  String input = \"\0\0\0\";\n}\n\nclass Hidden {}\n";
    let p = Proj::new(&[
        ("pom.xml", POM),
        (
            "src/main/java/a/b/One.java",
            "package a.b;\n\npublic class One {}\n",
        ),
        ("src/test/java/a/b/FuzzTest.java", fuzz),
    ]);
    let r = p.check_files(&[(
        "src/main/java/a/b/Two.java",
        "package a.b;\n\nimport a.b.Gone;\nimport a.b.Hidden;\nimport a.b.util.Strings;\n\nclass Two {\n  Object go() {\n    new Hidden();\n    new One();\n    return new Missing();\n  }\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-import src/main/java/a/b/Two.java:3 package a.b has no class 'Gone'",
            "unknown-import src/main/java/a/b/Two.java:5 package a.b has no subpackage 'util'",
            "unknown-symbol src/main/java/a/b/Two.java:11 class 'Missing' is not declared, imported or in package a.b",
        ]
    );
}

#[test]
fn build_helper_adding_a_tracked_directory_generates_nothing() {
    let pom = |source: &str| {
        format!(
            "<project><modelVersion>4.0.0</modelVersion><groupId>a.b</groupId><artifactId>app</artifactId><version>1</version>\n<build><plugins><plugin>\n  <groupId>org.codehaus.mojo</groupId>\n  <artifactId>build-helper-maven-plugin</artifactId>\n  <executions><execution><phase>generate-test-sources</phase><goals><goal>add-test-source</goal></goals>\n    <configuration><sources><source>{source}</source></sources></configuration>\n  </execution></executions>\n</plugin></plugins></build></project>\n"
        )
    };
    let findings = |source: &str| {
        let p = Proj::new(&[
            ("pom.xml", pom(source).as_str()),
            (
                "src/main/java/a/b/One.java",
                "package a.b;\n\npublic class One {}\n",
            ),
            (
                "src/test/java11/a/b/OneTest.java",
                "package a.b;\n\nclass OneTest {}\n",
            ),
        ]);
        summary(&p.check_files(&[(
            "src/main/java/a/b/Two.java",
            "package a.b;\n\nclass Two {\n  Object go() {\n    new One();\n    return new Onee();\n  }\n}\n",
        )]))
    };
    // A directory of the repository: its classes are all in sight.
    assert_eq!(
        findings("${project.basedir}/src/test/java11"),
        vec![
            "unknown-symbol src/main/java/a/b/Two.java:6 class 'Onee' is not declared, imported or in package a.b"
        ]
    );
    // A directory of the build output: something generates into it.
    assert_eq!(
        findings("${project.build.directory}/generated-sources/java"),
        Vec::<String>::new()
    );
    // A directory the repository has no Java files in.
    assert_eq!(findings("src/gen/java"), Vec::<String>::new());
}

#[test]
fn qualified_member_classes_through_the_body_and_known_supertypes() {
    let p = Proj::new(&[
        ("pom.xml", POM),
        (
            "src/main/java/a/b/Token.java",
            "package a.b;\n\nabstract class Token {\n  static final class Tag extends Token {\n    Tag(int n) {}\n  }\n\n  static final class Eof extends Token {}\n}\n",
        ),
        (
            "src/main/java/a/b/Special.java",
            "package a.b;\n\nabstract class Special extends Token {}\n",
        ),
        (
            "src/main/java/a/b/Outside.java",
            "package a.b;\n\nimport org.slf4j.helpers.MarkerIgnoringBase;\n\nabstract class Outside extends MarkerIgnoringBase {}\n",
        ),
        (
            "src/main/java/a/b/Built.java",
            "package a.b;\n\n@lombok.Builder\nclass Built {}\n",
        ),
    ]);
    let r = p.check_files(&[(
        "src/main/java/a/b/Use.java",
        "package a.b;\n\nclass Use {\n  void go() {\n    new Token.Tag(1);\n    new Token.Eof();\n    new Special.Eof();\n    new Token.Tags(1);\n    new Special.Eofs();\n    new Token.Tag();\n    new Outside.Inner();\n    new Built.BuiltBuilder();\n  }\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-symbol src/main/java/a/b/Use.java:8 class Token has no member class 'Tags'",
            "unknown-symbol src/main/java/a/b/Use.java:9 class Special has no member class 'Eofs'",
            "arity-mismatch src/main/java/a/b/Use.java:10 constructor of Token.Tag takes (n), not 0 argument(s)",
        ]
    );
}
