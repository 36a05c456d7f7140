package dev.creditcontrol.model;

/** The kind of an acceptance bill, which decides how much of it is still at risk before it matures. */
public enum BillType {
    /** 银行承兑汇票: accepted by a bank, which pays at maturity; little risk. */
    BANK,
    /** 商业承兑汇票: accepted by a company, which may not pay at maturity. */
    COMMERCIAL
}
