package org.nocturne.service;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The contract's three services wired as the application wires them, for a slice test that needs
 * real answers without the whole application ({@code ServiceConfiguration} is not public).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ServiceConfiguration.class)
public class ServiceWiring {}
