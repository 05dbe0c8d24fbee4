/** Pages (Thymeleaf) and the REST API controllers: thin, calling the feature modules' root APIs. */
package org.lianban.web;
