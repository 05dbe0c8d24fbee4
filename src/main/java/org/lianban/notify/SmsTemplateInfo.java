package org.lianban.notify;

/**
 * A configured SMS template with a sample rendering, so administrators see how long the real message will be.
 *
 * @param length characters of the sample (UCS-2 code units)
 * @param segments SMS parts the sample needs: 1 up to 70 characters, else 67 characters per part
 */
public record SmsTemplateInfo(String name, String template, String sample, int length, int segments) {}
