package dev.creditcontrol.model;

/** The regulatory class of a medical device (I lowest risk, III highest). */
public enum DeviceClass {
    I, II, III
}
