package io.tocsin.connector;

/** The kinds of channel an alert goes out on. ("Channel" is Netty's word.) */
public enum ChannelKind { SMS, CELL_BROADCAST, RADIO, TV, WEBHOOK }
