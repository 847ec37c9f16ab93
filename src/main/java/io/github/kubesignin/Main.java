package io.github.kubesignin;
public final class Main { public static void main(String[] a) {} }
