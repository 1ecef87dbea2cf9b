package io.kreactor.core.config;

import java.io.File;
import java.nio.file.Path;

/** The real process environment behind {@link ConfigEnvironment#system()}. */
enum SystemEnvironment implements ConfigEnvironment {
    INSTANCE;

    @Override
    public String getenv(String name) {
        return System.getenv(name);
    }

    @Override
    public Path homeDirectory() {
        String home = System.getenv("HOME");
        if ((home == null || home.isEmpty()) && File.separatorChar == '\\') {
            home = System.getenv("USERPROFILE");
        }
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        return home == null || home.isEmpty() ? null : Path.of(home);
    }

    @Override
    public Path serviceAccountDirectory() {
        return DEFAULT_SERVICE_ACCOUNT_DIRECTORY;
    }

    @Override
    public String toString() {
        return "ConfigEnvironment.system()";
    }
}
