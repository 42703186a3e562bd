package dev.weft.bench.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SpringPeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpringPeerApplication.class, args);
    }
}
