package org.touyan.api.training;

import java.math.BigDecimal;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A street's training brand (e.g. 小灶课堂, 治理小剧场): the course formats it offers, how
 * attendance converts to training credit, and the fields its session reports carry. Its display
 * name is the {@code @Policy} name.
 */
@ConsumerType
public interface TrainingBrand {

	/** The course formats (授课形式) sessions of this brand may use, e.g. 专题讲座, 情景模拟. */
	List<String> courseFormats();

	/**
	 * Training credit for one attendance.
	 *
	 * @throws IllegalArgumentException when the brand's rule rejects the attendance (e.g. hours
	 *         longer than the session), with a message users can read
	 */
	BigDecimal credit(Attendance attendance);

	/** Fields a session report of this brand has, in display order. */
	List<ReportField> reportFields();
}
