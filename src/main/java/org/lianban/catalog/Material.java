package org.lianban.catalog;

/** One item of the service guide's materials list (申请材料). */
public record Material(String code, String name, boolean required, MaterialForm form, int copies, String format,
        String notes) {}
