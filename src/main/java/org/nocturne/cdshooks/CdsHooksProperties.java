package org.nocturne.cdshooks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nocturne.cds-hooks.*}: limits of the protocol endpoints.
 *
 * @param maxRequestBytes bodies above this answer 413 (default 5 MiB)
 * @param feedbackLogCapacity feedback items kept in memory (default 10,000)
 */
@Validated
@ConfigurationProperties("nocturne.cds-hooks")
public record CdsHooksProperties(
    @DefaultValue("5242880") @Min(1024) @Max(Integer.MAX_VALUE - 1) long maxRequestBytes,
    @DefaultValue("10000") @Min(1) int feedbackLogCapacity) {}
