package org.nocturne.clinical.knowledge;

/** A text from the knowledge file with the source it rests on. */
public record Sourced(String text, String source) {}
