package org.lianban.catalog;

/** How a material is handed in: 原件, 复印件 or electronic only. */
public enum MaterialForm { ORIGINAL, COPY, ELECTRONIC }
