package dev.loupe.issue;

/** One engine the reproducer ran on, as reproducer.json names it. */
public record EngineInfo(String name, String version) {
}
