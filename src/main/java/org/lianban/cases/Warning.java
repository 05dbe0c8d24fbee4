package org.lianban.cases;

/** Deadline warning colour (电子监察): yellow from 80 % of the limit used, red past due. */
public enum Warning { GREEN, YELLOW, RED }
