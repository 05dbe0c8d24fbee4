package org.lianban.catalog;

/** One field of the application form. */
public record FormField(String code, String name, FieldType type, boolean required) {}
