package dev.creditcontrol.model;

/** The qualification documents (资质) a buyer of medical devices may hold. */
public enum LicenceType {
    /** 营业执照: every legal entity. */
    BUSINESS_LICENCE,
    /** 医疗机构执业许可证: hospitals and clinics. */
    MEDICAL_INSTITUTION_LICENCE,
    /** 医疗器械经营许可证: needed by distributors and agents to buy class III devices. */
    DEVICE_OPERATION_LICENCE,
    /** 第二类医疗器械经营备案凭证: needed by distributors and agents to buy class II devices. */
    DEVICE_FILING
}
