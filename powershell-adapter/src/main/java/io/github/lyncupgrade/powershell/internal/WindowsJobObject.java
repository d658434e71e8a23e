package io.github.lyncupgrade.powershell.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;
import java.util.List;

/**
 * A Windows job object with {@code JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE}: when its last handle
 * closes (on {@link #release()}, or when the JVM dies for any reason) Windows kills every process
 * in it. jna-platform does not map the job-object functions, so they are declared here.
 */
final class WindowsJobObject implements ProcessContainment {
  private static final int JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9;
  private static final int JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000;
  private static final int PROCESS_SET_QUOTA = 0x0100;
  private static final int PROCESS_TERMINATE = 0x0001;

  /** The kernel32 functions for job objects. */
  interface JobApi extends StdCallLibrary {
    JobApi INSTANCE = Native.load("kernel32", JobApi.class, W32APIOptions.DEFAULT_OPTIONS);

    WinNT.HANDLE CreateJobObject(Pointer attributes, String name);

    boolean SetInformationJobObject(WinNT.HANDLE job, int infoClass, Pointer info, int length);

    boolean AssignProcessToJobObject(WinNT.HANDLE job, WinNT.HANDLE process);
  }

  /** JOBOBJECT_BASIC_LIMIT_INFORMATION. */
  public static class BasicLimits extends Structure {
    public long perProcessUserTimeLimit;
    public long perJobUserTimeLimit;
    public int limitFlags;
    public BaseTSD.SIZE_T minimumWorkingSetSize;
    public BaseTSD.SIZE_T maximumWorkingSetSize;
    public int activeProcessLimit;
    public BaseTSD.ULONG_PTR affinity;
    public int priorityClass;
    public int schedulingClass;

    @Override
    protected List<String> getFieldOrder() {
      return List.of("perProcessUserTimeLimit", "perJobUserTimeLimit", "limitFlags", "minimumWorkingSetSize",
          "maximumWorkingSetSize", "activeProcessLimit", "affinity", "priorityClass", "schedulingClass");
    }
  }

  /** IO_COUNTERS. */
  public static class IoCounters extends Structure {
    public long readOperationCount;
    public long writeOperationCount;
    public long otherOperationCount;
    public long readTransferCount;
    public long writeTransferCount;
    public long otherTransferCount;

    @Override
    protected List<String> getFieldOrder() {
      return List.of("readOperationCount", "writeOperationCount", "otherOperationCount", "readTransferCount",
          "writeTransferCount", "otherTransferCount");
    }
  }

  /** JOBOBJECT_EXTENDED_LIMIT_INFORMATION. */
  public static class ExtendedLimits extends Structure {
    public BasicLimits basicLimitInformation = new BasicLimits();
    public IoCounters ioInfo = new IoCounters();
    public BaseTSD.SIZE_T processMemoryLimit;
    public BaseTSD.SIZE_T jobMemoryLimit;
    public BaseTSD.SIZE_T peakProcessMemoryUsed;
    public BaseTSD.SIZE_T peakJobMemoryUsed;

    @Override
    protected List<String> getFieldOrder() {
      return List.of("basicLimitInformation", "ioInfo", "processMemoryLimit", "jobMemoryLimit",
          "peakProcessMemoryUsed", "peakJobMemoryUsed");
    }
  }

  private WinNT.HANDLE job;

  @Override
  public synchronized void contain(Process process) {
    job = JobApi.INSTANCE.CreateJobObject(null, null);
    if (job == null) {
      throw new IllegalStateException("CreateJobObject failed: error " + Kernel32.INSTANCE.GetLastError());
    }
    ExtendedLimits limits = new ExtendedLimits();
    limits.basicLimitInformation.limitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    limits.write();
    if (!JobApi.INSTANCE.SetInformationJobObject(job, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS,
        limits.getPointer(), limits.size())) {
      throw new IllegalStateException("SetInformationJobObject failed: error " + Kernel32.INSTANCE.GetLastError());
    }
    WinNT.HANDLE handle = Kernel32.INSTANCE.OpenProcess(PROCESS_SET_QUOTA | PROCESS_TERMINATE, false,
        (int) process.pid());
    try {
      if (handle == null || !JobApi.INSTANCE.AssignProcessToJobObject(job, handle)) {
        throw new IllegalStateException("AssignProcessToJobObject failed: error " + Kernel32.INSTANCE.GetLastError());
      }
    } finally {
      if (handle != null) {
        Kernel32.INSTANCE.CloseHandle(handle);
      }
    }
  }

  @Override
  public synchronized void release() {
    if (job != null) {
      Kernel32.INSTANCE.CloseHandle(job);
      job = null;
    }
  }

  @Override
  public String describe() {
    return "a Windows job object kills the process tree when the JVM ends";
  }
}
