package io.tocsin.targeting;

/** One subscriber picked by targeting: whom to text, through which carrier, in which language. */
public record Recipient(long msisdn, String carrier, String language, String regionCode) {
}
