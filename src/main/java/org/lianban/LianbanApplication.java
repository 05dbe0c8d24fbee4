package org.lianban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 联办: the three-level joint online approval platform. */
@SpringBootApplication
@Modulithic(sharedModules = "common")
@EnableScheduling
public class LianbanApplication {

    public static void main(String[] args) {
        SpringApplication.run(LianbanApplication.class, args);
    }
}
