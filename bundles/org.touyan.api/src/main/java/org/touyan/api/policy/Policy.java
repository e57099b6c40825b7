package org.touyan.api.policy;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names a policy service: put it on the component class of a plugin, beside
 * {@code @Component(service = StarRatingFormula.class)} (or another SPI), and the service carries
 * {@code touyan.policy.id}, {@code touyan.policy.name} and {@code touyan.policy.nameEn}.
 *
 * <pre>
 * &#64;Component(service = StarRatingFormula.class)
 * &#64;Policy(id = "district-default", name = "区级默认星级评定办法", nameEn = "District default formula")
 * public class DistrictDefaultFormula implements StarRatingFormula { … }
 * </pre>
 */
@ComponentPropertyType
@Retention(CLASS)
@Target(TYPE)
public @interface Policy {

	/** Prefix of the service properties this annotation produces. */
	String PREFIX_ = "touyan.policy.";

	/** Service property: the policy's id, stable across versions of its bundle. */
	String ID = "touyan.policy.id";

	/** Service property: its display name in Chinese. */
	String NAME = "touyan.policy.name";

	/** Service property: its English display name. */
	String NAME_EN = "touyan.policy.nameEn";

	/** Stable id: lower-case letters, digits and '-', unique among policies of one SPI. */
	String id();

	/** Display name in Chinese, as users see it. */
	String name();

	/** Display name in English. */
	String nameEn() default "";
}
