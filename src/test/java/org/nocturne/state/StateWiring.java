package org.nocturne.state;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * State wired as the application wires it ({@code nocturne.state}; the suite's default is {@code
 * memory}), for a slice test without the whole application ({@code StateConfiguration} is not
 * public).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(StateConfiguration.class)
public class StateWiring {}
