package org.lianban.catalog;

/** Type of a field on a matter's application form. */
public enum FieldType { TEXT, NUMBER, DATE, REGION }
